import { isJsonObject, type JsonObject } from '../core/json.js';
import type { ResultError } from '../core/report.js';
import type { LiveFile } from '../dataworks/data-works.js';

export const DI_FILE_TYPE = 23;

// The task document import writes, in the order a task file shows it.
export type ImportedDocument = {
  projectId: number;
  fileId: number;
  taskParam: JsonObject;
  taskContent: JsonObject; // DataWorks' key order, as JSON.parse keeps it
};

export type ParsedLiveFile = { ok: true; document: ImportedDocument } | { ok: false; error: ResultError };

// A live file → the task document to write. Pure.
//
// taskParam is { ResourceGroup } from GetFile's NodeConfiguration. When the service does not say which
// resource group the task uses, the task is not imported: a task file needs a ResourceGroup to be valid,
// a made-up one would plan "unchanged" and then move the task to that group on its next apply, and an
// obviously fake one fails validation, so the repository would never plan. The user adds it by hand.
export function parseLiveFile(projectId: number, live: LiveFile): ParsedLiveFile {
  if (live.fileType !== DI_FILE_TYPE) {
    return failure('NotBatchSyncTask', `file ${live.fileId} is not a batch sync task: expected FileType ${DI_FILE_TYPE}, got ${live.fileType}`);
  }
  let content: unknown;
  try {
    content = JSON.parse(live.content);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const shown = live.content.trim() === '' ? 'empty content' : `content that is not JSON (${detail})`;
    return failure('InvalidTaskContent', `file ${live.fileId} has ${shown}: expected the job JSON of the code editor`);
  }
  if (!isJsonObject(content)) {
    return failure('InvalidTaskContent', `file ${live.fileId} has content that is not a JSON object: expected the job JSON of the code editor`);
  }
  if (live.resourceGroup === null) {
    return failure(
      'ResourceGroupUnknown',
      `DataWorks did not report the resource group of file ${live.fileId} (NodeConfiguration.ResourceGroupIdentifier); ` +
        'write its task file by hand with taskParam.ResourceGroup set',
    );
  }
  return { ok: true, document: { projectId, fileId: live.fileId, taskParam: { ResourceGroup: live.resourceGroup }, taskContent: content } };
}

function failure(code: string, message: string): ParsedLiveFile {
  return { ok: false, error: { code, message } };
}
