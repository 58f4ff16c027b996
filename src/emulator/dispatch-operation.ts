import { isOperationName, type OperationName } from '../dataworks/operations/operations.js';
import type { HandlerContext, OperationHandler, HandlerOutcome } from './handlers/operation-handler.js';
import { createDISyncTask } from './handlers/create-di-sync-task.js';
import { deleteFile } from './handlers/delete-file.js';
import { deployFile, getDeployment, submitFile } from './handlers/deployments.js';
import { getFile, listFiles } from './handlers/files.js';
import { getProject } from './handlers/project.js';
import { listDataSources, listResourceGroups } from './handlers/references.js';
import { updateDISyncTask } from './handlers/update-di-sync-task.js';
import { updateFile } from './handlers/update-file.js';

// One handler per operation dwsync speaks. Typed over the operation names: an operation added to
// dataworks/operations/operations.ts without a handler here does not compile.
export const operationHandlers: { readonly [N in OperationName]: OperationHandler<N> } = {
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
  UpdateFile: updateFile,
};

export function isKnownOperation(action: string): action is OperationName {
  return isOperationName(action);
}

export function dispatchOperation(action: OperationName, params: Record<string, string>, ctx: HandlerContext): HandlerOutcome {
  const handler = operationHandlers[action] as OperationHandler<OperationName>;
  return handler(params, ctx);
}

export function operationNotFound() {
  return { status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' };
}
