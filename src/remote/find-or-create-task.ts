import { DI_FILE_TYPE } from '../dataworks/operations/file-fields.js';
import { createHash } from 'node:crypto';

import { requestStrings } from '../core/plan/desired-config.js';
import type { Task } from '../core/task/task.js';
import type { DataWorksSession } from '../ports.js';
import { RemoteError } from '../errors.js';


export type Found =
  | { kind: 'adopted'; fileId: number; attempts: number }
  | { kind: 'created'; fileId: number; requestId: string; attempts: number };

// A task given by name and folder: the batch sync file of that exact name in that folder, adopted
// when there is one, created (CreateDISyncTask) when there is none, and neither when there are
// several (the error names them). Looking first is what makes a create after a crash safe: a task
// created by a run killed before it could record the fileId is found, not created again; the
// ClientToken covers a create retried within one run.
export async function findOrCreateTask(
  task: Task & { name: string; folder: string },
  deps: DataWorksSession,
): Promise<Found> {
  const { projectId, name, folder } = task;
  const listed = await deps.call(() =>
    deps.dataWorks.listFiles({ projectId, folderPath: folder, exactFileName: name, fileTypes: String(DI_FILE_TYPE), pageNumber: 1, pageSize: 100 }),
  );
  // The service matches the name exactly; the type is checked here as well, as another kind of
  // file of that name is not ours to update.
  const files = listed.value.files.filter((file) => file.fileName === name && file.fileType === DI_FILE_TYPE);
  if (files.length === 1) return { kind: 'adopted', fileId: files[0]!.fileId, attempts: listed.attempts };
  if (files.length > 1) {
    const ids = files.map((file) => `${file.fileId}${file.folderPath ? ` (${file.folderPath})` : ''}`).join(', ');
    throw new RemoteError({
      message: `${files.length} batch sync files are named ${JSON.stringify(name)} in ${JSON.stringify(folder)}: ${ids}; give the task's fileId instead of name and folder`,
      status: null,
      code: 'AmbiguousTaskName',
      requestId: listed.value.requestId,
      retryable: false,
    });
  }
  // The client adds FileFolderPath to TaskParam, beside ResourceGroup and Cu.
  const { taskContent, taskParam } = requestStrings(task);
  const created = await deps.call(() =>
    deps.dataWorks.createDISyncTask({ projectId, taskName: name, folderPath: folder, taskContent, taskParam, clientToken: clientToken(task.key, taskContent, taskParam) }),
  );
  return { kind: 'created', fileId: created.value.fileId, requestId: created.value.requestId, attempts: created.attempts };
}

// The same task with the same config always gives the same token, so a create the service already
// carried out is answered with that task again instead of making a second one.
export function clientToken(key: string, taskContent: string, taskParam: string): string {
  return `dwsync-${createHash('sha256').update(`${key}\n${taskContent}\n${taskParam}`).digest('hex').slice(0, 48)}`;
}
