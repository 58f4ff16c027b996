import { taskKeyOf } from '../emulator-state.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { createDeployment } from './deployments.js';
import { readRequestedTask } from './files.js';

// DeleteFile: a file never committed is gone at once (no DeploymentId). A committed one is removed
// from scheduling asynchronously: DeploymentId names the deployment to poll with GetDeployment, and
// the file disappears when that deployment is reported done.
export const deleteFile: OperationHandler<'DeleteFile'> = (params, ctx) => {
  const task = readRequestedTask(params, ctx);
  if (!('fileId' in task)) return task;
  if (!task.committed && !task.deployed) {
    ctx.state.tasks.delete(taskKeyOf(task.projectId, task.fileId));
    return answer('DeleteFile', { Success: true, HttpStatusCode: 200 });
  }
  const deployment = createDeployment(ctx.state, {
    projectId: task.projectId,
    fileId: task.fileId,
    kind: 'delete',
    comment: '',
    createTime: ctx.now,
    fails: false,
    checkFails: null,
  });
  return answer('DeleteFile', { Success: true, HttpStatusCode: 200, DeploymentId: deployment.id });
};
