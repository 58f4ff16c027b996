import path from 'node:path';
import pLimit from 'p-limit';

import { toResultError } from '../dataworks/to-result-error.js';
import type { Clock, DataWorksSession } from '../ports.js';
import { desiredConfig } from '../core/plan/desired-config.js';
import { parseJsonOrNull } from '../core/text/json.js';
import { parseContentTaskParam } from '../core/task/service-managed-content.js';
import { taskKey } from '../core/task/task.js';
import type { TaskRecord } from '../core/state/state-schema.js';
import type { ImportResult } from '../core/import/import-report.js';
import { importedRecord } from '../core/import/imported-record.js';
import type { Declared } from '../core/import/index-declared.js';
import type { Settings } from '../core/config/settings.js';
import { locateTaskSchema } from '../tasks/locate-task-schema.js';
import { parseLiveFile, type ParsedLiveFile } from '../core/import/parse-live-file.js';
import { parseLiveNode } from '../core/import/parse-live-node.js';
import type { FileToPlace } from '../core/import/place-files.js';
import { placeFiles } from '../core/import/place-files.js';
import { renderImportedTask } from '../core/import/render-imported-task.js';
import { writeTaskFile } from '../tasks/write-task-file.js';
import { errorMessage } from '../errors.js';

export type ImportInput = Pick<Settings, 'root' | 'jobs'> & {
  projectId: number;
  files: FileToPlace[]; // what to import, with names and folders (ListFiles, or ListNodes' script paths)
  out?: string; // --out, relative to the root, inside the jobs folder
  overwrite: boolean;
  declared: Declared; // tasks already in task files
};

export type ImportDeps = DataWorksSession & {
  clock: Clock;
  concurrency: number;
  salt: string;
  read: ImportReader; // how the workspace's API generation reads one task (file-import-reader.ts, node-import-reader.ts)
  record(key: string, record: TaskRecord): Promise<void>; // durable once it resolves
  onResult?: (result: ImportResult) => void; // each task's result, as soon as it is known
};

// One task read from DataWorks and made into the document to write; null when it does not exist.
// notes: what the report should say about where a value came from (the workspace's default group).
export type LiveRead = { requestId: string; attempts: number; found: { name: string; parsed: ParsedLiveFile; notes: string[] } | null };
export type ImportReader = (projectId: number, id: number | string) => Promise<LiveRead>;

// Reads each task (bounded concurrency, shared rate limit and retries), writes its file and then its
// state record. Failures are collected per task, never thrown; a quota error stops new calls. The same
// for files and nodes: only deps.read differs.
export async function importLiveTasks(input: ImportInput, deps: ImportDeps): Promise<ImportResult[]> {
  const paths = placeFiles(input.files, { jobs: input.jobs, ...(input.out !== undefined ? { out: input.out } : {}) });
  const placed = new Map(input.files.map((f) => [f.id, f]));
  const limit = pLimit(deps.concurrency);
  let stopCode: string | null = null;
  const schema = await locateTaskSchema(input.root, input.jobs);

  async function importOne(id: number | string): Promise<ImportResult> {
    const key = taskKey(input.projectId, id);
    const declared = input.declared.get(key);
    const file = declared?.file ?? paths.get(id)!;
    if (declared && !input.overwrite) return { key, file, outcome: 'exists', attempts: 0 };
    if (declared?.namedAs !== undefined) {
      const message = `${key} is declared by name as ${declared.namedAs} in ${declared.file}; that file was not overwritten`;
      return { key, file, outcome: 'failed', attempts: 0, error: { code: 'DeclaredByName', message } };
    }
    if (declared && declared.tasksInFile > 1) {
      const message = `${key} is declared in ${declared.file} together with other tasks; that file was not overwritten`;
      return { key, file, outcome: 'failed', attempts: 0, error: { code: 'DeclaredWithOthers', message } };
    }
    if (stopCode) return { key, file, outcome: 'failed', attempts: 0, error: { code: stopCode, message: `not read: the run stopped after ${stopCode}` } };

    let read: LiveRead;
    try {
      read = await deps.read(input.projectId, id);
    } catch (error) {
      const { resultError, attempts, quota } = toResultError(error);
      if (quota) stopCode ??= resultError.code;
      return { key, file, outcome: 'failed', attempts, error: resultError };
    }
    if (!read.found) return notFound(key, read.attempts, read.requestId);
    const base = { key, file, attempts: read.attempts, ...(read.requestId ? { requestId: read.requestId } : {}) };
    const { parsed, notes, name } = read.found;
    if (!parsed.ok) return { ...base, outcome: 'failed', error: parsed.error };

    const importedAt = new Date(deps.clock.now()).toISOString();
    const schemaPath = path.posix.relative(path.posix.dirname(file), schema);
    const which = typeof id === 'string' ? { nodeId: id } : { fileId: id };
    const source = { projectId: input.projectId, ...which, fileName: name, folderPath: placed.get(id)?.folderPath ?? '', importedAt };
    const rendered = renderImportedTask(parsed.document, file, { schemaPath, source });
    if (!rendered.ok) return { ...base, outcome: 'failed', error: rendered.error };

    const written = await writeTaskFile(path.join(input.root, file), rendered.text, { overwrite: input.overwrite });
    if (written === 'exists') return { ...base, outcome: 'exists' };
    await deps.record(key, importedRecord({ file, desired: desiredConfig(rendered.task, deps.salt), at: importedAt, requestId: read.requestId }));
    const warnings = [...notes, ...rendered.warnings];
    return { ...base, outcome: 'written', ...(warnings.length > 0 ? { warnings } : {}) };
  }

  return Promise.all(
    input.files.map((f) =>
      limit(async () => {
        let result: ImportResult;
        try {
          result = await importOne(f.id);
        } catch (error) {
          // A file that could not be written (permissions, a full disk): this task fails, the rest go on.
          const code = (error as NodeJS.ErrnoException).code ?? 'WriteFailed';
          const message = `could not write the task file: ${errorMessage(error)}`;
          result = { key: taskKey(input.projectId, f.id), file: paths.get(f.id) ?? null, outcome: 'failed', attempts: 0, error: { code, message } };
        }
        deps.onResult?.(result);
        return result;
      }),
    ),
  );
}

// 2020-05-18: GetFile. The DI resource group is in the content (extend.resourceGroup), else the
// workspace's default (GetProject), asked for only when the content names none.
export function fileImportReader(session: DataWorksSession, workspaceDefaultGroup: () => Promise<string | null>): ImportReader {
  return async (projectId, id) => {
    const { value, attempts } = await session.call(() => session.dataWorks.getFile({ projectId, fileId: Number(id) }));
    if (!value.file) return { requestId: value.requestId, attempts, found: null };
    const named = parseContentTaskParam(parseJsonOrNull(value.file.content)).resourceGroup;
    const defaultGroup = named === null ? await workspaceDefaultGroup() : null;
    const parsed = parseLiveFile(projectId, value.file, defaultGroup);
    const notes = parsed.ok && parsed.groupSource === 'workspace-default' ? [defaultGroupNote(parsed.document.taskParam['ResourceGroup'])] : [];
    return { requestId: value.requestId, attempts, found: { name: value.file.fileName, parsed, notes } };
  };
}

// 2024-05-18: GetNode; the FlowSpec says the job, the resource group and the CU.
export function nodeImportReader(session: DataWorksSession): ImportReader {
  return async (projectId, id) => {
    const { value, attempts } = await session.call(() => session.dataWorks.getNode({ projectId, nodeId: String(id) }));
    if (!value.node) return { requestId: value.requestId, attempts, found: null };
    return { requestId: value.requestId, attempts, found: { name: value.node.name, parsed: parseLiveNode(projectId, value.node), notes: [] } };
  };
}

function defaultGroupNote(group: unknown): string {
  return `taskParam.ResourceGroup is the workspace's default Data Integration resource group ${String(group)}: the task's content names none (extend.resourceGroup)`;
}

export function notFound(key: string, attempts: number, requestId: string): ImportResult {
  const [projectId, id] = key.split('/');
  const message = `${/^\d{1,15}$/.test(id ?? '') ? 'file' : 'node'} ${id} does not exist in project ${projectId}`;
  return { key, file: null, outcome: 'failed', attempts, ...(requestId ? { requestId } : {}), error: { code: 'FileNotFound', message } };
}
