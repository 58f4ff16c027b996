import { Document, isScalar, visit } from 'yaml';

import type { ImportedDocument } from './parse-live-file.js';

export type ImportSource = {
  projectId: number;
  fileId?: number; // the file imported, or
  nodeId?: string; // the node
  fileName: string;
  folderPath: string; // DataWorks folder path, e.g. "Business Flow/ods/Data Integration"
  importedAt: string; // ISO 8601
};

export type RenderOptions = {
  schemaPath: string; // relative from the task file's folder to jobs/dwsync-task.schema.json
  source: ImportSource;
};

// Arrays of scalars this short read best on one line, like `column: [id, name]`; longer ones as a list.
const FLOW_MAX_CHARS = 72;

// A task document → the text of its task file: block mappings in DataWorks' key order, short lists of
// scalars in flow style, strings quoted only where YAML needs it (so `pt=${bizdate}` stays as typed).
// Pure; the caller checks that the text loads back to the same values.
export function renderTaskYaml(document: ImportedDocument, options: RenderOptions): string {
  const doc = new Document(
    {
      projectId: document.projectId,
      ...(document.nodeId !== undefined ? { nodeId: document.nodeId } : { fileId: document.fileId }),
      taskParam: document.taskParam,
      taskContent: document.taskContent,
      ...(document.schedule ? { schedule: document.schedule } : {}),
    },
    { version: '1.2' },
  );
  visit(doc, {
    Seq(_, node) {
      // A multi-line string reads best as a `|` block, which only a block list can hold.
      const scalars = node.items.every((item) => isScalar(item) && !(typeof item.value === 'string' && /[\r\n]/.test(item.value)));
      if (scalars && node.items.length > 0 && JSON.stringify(node.toJSON()).length <= FLOW_MAX_CHARS) node.flow = true;
    },
  });
  doc.commentBefore = [`yaml-language-server: $schema=${options.schemaPath}`, ...describeSource(options.source)].map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

function describeSource(source: ImportSource): string[] {
  const where = source.folderPath === '' ? source.fileName : `${source.folderPath}/${source.fileName}`;
  return [
    `Imported by dwsync from DataWorks project ${source.projectId}, ${source.nodeId !== undefined ? `node ${source.nodeId}` : `file ${source.fileId}`}: ${oneLine(where)}`,
    `at ${source.importedAt}. From now on this file is the source of truth: edit it here, not in the console.`,
  ];
}

// A file name with a line break would end the comment and start YAML.
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
