import type { ActionContext, ActionHandler, ActionOutcome } from './actions/action-handler.js';
import { deployFile, getDeployment, submitFile } from './actions/deployments.js';
import { getFile, listFiles } from './actions/files.js';
import { getProject } from './actions/project.js';
import { updateDISyncTask } from './actions/update-di-sync-task.js';

// The actions the emulator serves, by their OpenAPI name.
export const actionHandlers: ReadonlyMap<string, ActionHandler> = new Map<string, ActionHandler>([
  ['UpdateDISyncTask', updateDISyncTask],
  ['GetFile', getFile],
  ['ListFiles', listFiles],
  ['SubmitFile', submitFile],
  ['DeployFile', deployFile],
  ['GetDeployment', getDeployment],
  ['GetProject', getProject],
]);

export function isKnownAction(action: string): boolean {
  return actionHandlers.has(action);
}

export function dispatchAction(action: string, params: Record<string, string>, ctx: ActionContext): ActionOutcome {
  const handler = actionHandlers.get(action);
  if (!handler) return { ok: false, ...actionNotFound() };
  return handler(params, ctx);
}

export function actionNotFound() {
  return { status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' };
}
