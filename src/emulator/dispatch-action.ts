import { isOperationName, type OperationName } from '../dataworks/operations/operations.js';
import type { ActionContext, ActionHandler, ActionOutcome } from './actions/action-handler.js';
import { createDISyncTask } from './actions/create-di-sync-task.js';
import { deleteFile } from './actions/delete-file.js';
import { deployFile, getDeployment, submitFile } from './actions/deployments.js';
import { getFile, listFiles } from './actions/files.js';
import { getProject } from './actions/project.js';
import { listDataSources, listResourceGroups } from './actions/references.js';
import { updateDISyncTask } from './actions/update-di-sync-task.js';

// One handler per operation dwsync speaks. Typed over the operation names: an operation added to
// dataworks/operations/operations.ts without a handler here does not compile.
export const actionHandlers: { readonly [N in OperationName]: ActionHandler<N> } = {
  CreateDISyncTask: createDISyncTask,
  DeleteFile: deleteFile,
  DeployFile: deployFile,
  GetDeployment: getDeployment,
  GetFile: getFile,
  GetProject: getProject,
  ListDataSources: listDataSources,
  ListFiles: listFiles,
  ListResourceGroups: listResourceGroups,
  SubmitFile: submitFile,
  UpdateDISyncTask: updateDISyncTask,
};

export function isKnownAction(action: string): action is OperationName {
  return isOperationName(action);
}

export function dispatchAction(action: OperationName, params: Record<string, string>, ctx: ActionContext): ActionOutcome {
  const handler = actionHandlers[action] as ActionHandler<OperationName>;
  return handler(params, ctx);
}

export function actionNotFound() {
  return { status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' };
}
