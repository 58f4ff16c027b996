import type { Clock, DataWorksSession } from '../ports.js';
import { isMissingFile } from '../dataworks/is-missing-file.js';
import { RemoteError } from '../errors.js';
import { awaitDeployment } from './deploy-task.js';

// DeleteFile, then, when the file was committed (the answer carries a DeploymentId), GetDeployment
// until its removal from scheduling is done. A file that is already gone counts as deleted: a run
// killed between the delete and recording it finds it so.
export async function deleteTask(
  ref: { projectId: number; fileId: number },
  deps: DataWorksSession & { clock: Clock },
): Promise<{ requestId: string; attempts: number; alreadyGone: boolean }> {
  let answer: { value: { requestId: string; deploymentId: number | null }; attempts: number };
  try {
    answer = await deps.call(() => deps.dataWorks.deleteFile(ref));
  } catch (error) {
    if (error instanceof RemoteError && isMissingFile(error)) return { requestId: error.requestId ?? '', attempts: 1, alreadyGone: true };
    throw error;
  }
  if (answer.value.deploymentId !== null) await awaitDeployment(ref.projectId, answer.value.deploymentId, 'DeleteFile', deps);
  return { requestId: answer.value.requestId, attempts: answer.attempts, alreadyGone: false };
}
