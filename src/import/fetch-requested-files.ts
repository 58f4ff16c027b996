import { toResultError } from '../dataworks/to-result-error.js';
import { taskKey } from '../core/task.js';
import { UserInputError } from '../errors.js';
import type { DataWorks, LiveFile } from '../dataworks/data-works.js';
import type { ImportResult } from './import-report.js';
import { notFound } from './import-live-tasks.js';
import type { CallRunner } from '../dataworks/call-runner.js';
import type { FileToPlace } from './plan-file-paths.js';

export type RequestedFiles = {
  files: FileToPlace[];
  prefetched: Map<number, { requestId: string; attempts: number; file: LiveFile }>;
  failures: ImportResult[];
};

// --file-id: no listing; each file is read once here, since its name and folder decide where it goes.
// A file that does not exist or cannot be read becomes a failed result; the others go on.
export async function fetchRequestedFiles(dataWorks: DataWorks, projectId: number, fileIds: number[], call: CallRunner, limit: <T>(fn: () => Promise<T>) => Promise<T>): Promise<RequestedFiles> {
  const unique = [...new Set(fileIds)].sort((a, b) => a - b);
  const out: RequestedFiles = { files: [], prefetched: new Map(), failures: [] };
  await Promise.all(
    unique.map((fileId) =>
      limit(async () => {
        const key = taskKey(projectId, fileId);
        try {
          const { value, attempts } = await call(() => dataWorks.getFile({ projectId, fileId }));
          if (!value.file) return void out.failures.push(notFound(key, attempts, value.requestId));
          out.prefetched.set(fileId, { requestId: value.requestId, attempts, file: value.file });
        } catch (error) {
          if (error instanceof UserInputError) throw error; // missing credentials: no use trying the others
          const { resultError, attempts } = toResultError(error);
          out.failures.push({ key, file: null, outcome: 'failed', attempts, error: resultError });
        }
      }),
    ),
  );
  for (const fileId of unique) {
    const live = out.prefetched.get(fileId)?.file;
    if (live) out.files.push({ fileId, fileName: live.fileName, folderPath: live.fileFolderPath });
  }
  return out;
}
