import { taskKey } from '../core/task/task.js';
import type { DataWorksSession } from '../ports.js';
import { LIST_FILES_MAX_FILE_IDS } from '../dataworks/operations/list-files.js';
import { toResultError } from '../dataworks/to-result-error.js';
import { UserInputError } from '../errors.js';
import type { ImportResult } from '../core/import/import-report.js';
import { notFound } from './import-live-tasks.js';
import type { FileToPlace } from '../core/import/place-files.js';

export type RequestedFiles = { files: FileToPlace[]; failures: ImportResult[] };

// --file-id: the files' names and folders come from ListFiles (FileIdIn, at most 50 ids a call,
// NeedAbsoluteFolderPath=true), since GetFile has no folder path. An id the listing does not return
// does not exist; a batch that cannot be read fails its ids, the others go on.
export async function fetchRequestedFiles({ dataWorks, call }: DataWorksSession, projectId: number, fileIds: number[]): Promise<RequestedFiles> {
  const unique = [...new Set(fileIds)].sort((a, b) => a - b);
  const out: RequestedFiles = { files: [], failures: [] };
  for (let start = 0; start < unique.length; start += LIST_FILES_MAX_FILE_IDS) {
    const batch = unique.slice(start, start + LIST_FILES_MAX_FILE_IDS);
    try {
      const { value, attempts } = await call(() =>
        dataWorks.listFiles({ projectId, fileIds: batch, pageNumber: 1, pageSize: LIST_FILES_MAX_FILE_IDS }),
      );
      const found = new Map(value.files.map((f) => [f.fileId, f]));
      for (const fileId of batch) {
        const file = found.get(fileId);
        if (file) out.files.push({ id: fileId, fileName: file.fileName, folderPath: file.folderPath });
        else out.failures.push(notFound(taskKey(projectId, fileId), attempts, value.requestId));
      }
    } catch (error) {
      if (error instanceof UserInputError) throw error; // missing credentials: no use trying the others
      const { resultError, attempts } = toResultError(error);
      for (const fileId of batch) out.failures.push({ key: taskKey(projectId, fileId), file: null, outcome: 'failed', attempts, error: resultError });
    }
  }
  return out;
}
