import path from 'node:path';
import pLimit from 'p-limit';

import { toResultError } from '../dataworks/to-result-error.js';
import type { Clock, DataWorksSession, LiveFile } from '../ports.js';
import { desiredConfig } from '../core/plan/desired-config.js';
import type { JsonValue } from '../core/text/json.js';
import { parseContentTaskParam } from '../core/task/service-managed-content.js';
import { taskKey } from '../core/task/task.js';
import type { TaskRecord } from '../core/state/state-schema.js';
import type { ImportResult } from '../core/import/import-report.js';
import { importedRecord } from '../core/import/imported-record.js';
import type { Declared } from '../core/import/index-declared.js';
import type { Settings } from '../core/config/settings.js';
import { locateTaskSchema } from '../tasks/locate-task-schema.js';
import { parseLiveFile } from '../core/import/parse-live-file.js';
import type { FileToPlace } from '../core/import/place-files.js';
import { placeFiles } from '../core/import/place-files.js';
import { renderImportedTask } from '../core/import/render-imported-task.js';
import { writeTaskFile } from '../tasks/write-task-file.js';

export type ImportInput = Pick<Settings, 'root' | 'jobs'> & {
  projectId: number;
  files: FileToPlace[]; // what to import, with names and folders from ListFiles
  out?: string; // --out, relative to the root, inside the jobs folder
  overwrite: boolean;
  declared: Declared; // tasks already in task files
};

export type ImportDeps = DataWorksSession & {
  clock: Clock;
  concurrency: number;
  salt: string;
  // The workspace's default DI resource group (GetProject), asked for only when a task's content names none.
  workspaceDefaultGroup: () => Promise<string | null>;
  record(key: string, record: TaskRecord): Promise<void>; // durable once it resolves
  onResult?: (result: ImportResult) => void; // each task's result, as soon as it is known
};

// Reads each task (GetFile, bounded concurrency, shared rate limit and retries), writes its file and then
// its state record. Failures are collected per task, never thrown; a quota error stops new calls.
export async function importLiveTasks(input: ImportInput, deps: ImportDeps): Promise<ImportResult[]> {
  const paths = placeFiles(input.files, { jobs: input.jobs, ...(input.out !== undefined ? { out: input.out } : {}) });
  const placed = new Map(input.files.map((f) => [f.fileId, f]));
  const limit = pLimit(deps.concurrency);
  let stopCode: string | null = null;
  const schema = await locateTaskSchema(input.root, input.jobs);

  async function importOne(fileId: number): Promise<ImportResult> {
    const key = taskKey(input.projectId, fileId);
    const declared = input.declared.get(key);
    const file = declared?.file ?? paths.get(fileId)!;
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

    let read: { requestId: string; attempts: number; file: LiveFile; defaultGroup: string | null };
    try {
      const { value, attempts } = await deps.call(() => deps.dataWorks.getFile({ projectId: input.projectId, fileId }));
      if (!value.file) return notFound(key, attempts, value.requestId);
      const named = parseContentTaskParam(parseJsonOrNull(value.file.content)).resourceGroup;
      read = { requestId: value.requestId, attempts, file: value.file, defaultGroup: named === null ? await deps.workspaceDefaultGroup() : null };
    } catch (error) {
      const { resultError, attempts, quota } = toResultError(error);
      if (quota) stopCode ??= resultError.code;
      return { key, file, outcome: 'failed', attempts, error: resultError };
    }
    const base = { key, file, attempts: read.attempts, ...(read.requestId ? { requestId: read.requestId } : {}) };
    const parsed = parseLiveFile(input.projectId, read.file, read.defaultGroup);
    if (!parsed.ok) return { ...base, outcome: 'failed', error: parsed.error };
    const notes = parsed.groupSource === 'workspace-default' ? [defaultGroupNote(parsed.document.taskParam['ResourceGroup'])] : [];

    const importedAt = new Date(deps.clock.now()).toISOString();
    const schemaPath = path.posix.relative(path.posix.dirname(file), schema);
    const source = { projectId: input.projectId, fileId, fileName: read.file.fileName, folderPath: placed.get(fileId)?.folderPath ?? '', importedAt };
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
          result = await importOne(f.fileId);
        } catch (error) {
          // A file that could not be written (permissions, a full disk): this task fails, the rest go on.
          const code = (error as NodeJS.ErrnoException).code ?? 'WriteFailed';
          const message = `could not write the task file: ${error instanceof Error ? error.message : String(error)}`;
          result = { key: taskKey(input.projectId, f.fileId), file: paths.get(f.fileId) ?? null, outcome: 'failed', attempts: 0, error: { code, message } };
        }
        deps.onResult?.(result);
        return result;
      }),
    ),
  );
}

function defaultGroupNote(group: unknown): string {
  return `taskParam.ResourceGroup is the workspace's default Data Integration resource group ${String(group)}: the task's content names none (extend.resourceGroup)`;
}

function parseJsonOrNull(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

export function notFound(key: string, attempts: number, requestId: string): ImportResult {
  const message = `file ${key.split('/')[1]} does not exist in project ${key.split('/')[0]}`;
  return { key, file: null, outcome: 'failed', attempts, ...(requestId ? { requestId } : {}), error: { code: 'FileNotFound', message } };
}
