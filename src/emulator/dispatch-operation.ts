import { isOperationName, operations, type OperationName } from '../dataworks/operations/operations.js';
import type { HandlerContext, OperationHandler, HandlerOutcome } from './handlers/operation-handler.js';
import { createDISyncTask } from './handlers/create-di-sync-task.js';
import { deleteFile } from './handlers/delete-file.js';
import { deployFile, getDeployment, submitFile } from './handlers/deployments.js';
import { getFile, listFiles } from './handlers/files.js';
import { getProject } from './handlers/project.js';
import { listDataSources, listResourceGroups } from './handlers/references.js';
import { updateDISyncTask } from './handlers/update-di-sync-task.js';
import { createNode, deleteNode, getNode, listNodes, updateNode } from './handlers/nodes.js';
import { createPipelineRun, execPipelineRunStage, getPipelineRun } from './handlers/pipeline-runs.js';
import { getProject2024, listDataSources2024, listResourceGroups2024 } from './handlers/studio-references.js';
import { isNewStudio } from './studio-state.js';
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
  CreateNode: createNode,
  CreatePipelineRun: createPipelineRun,
  DeleteNode: deleteNode,
  ExecPipelineRunStage: execPipelineRunStage,
  GetNode: getNode,
  GetPipelineRun: getPipelineRun,
  GetProject2024: getProject2024,
  ListDataSources2024: listDataSources2024,
  ListNodes: listNodes,
  ListResourceGroups2024: listResourceGroups2024,
  UpdateNode: updateNode,
};

// Operations either generation of workspace answers; every other one belongs to its API version's
// workspaces only.
const EITHER_GENERATION = new Set<OperationName>(['GetProject', 'ListDataSources', 'ListResourceGroups', 'GetProject2024', 'ListDataSources2024', 'ListResourceGroups2024']);

export function isKnownOperation(action: string): action is OperationName {
  return isOperationName(action);
}

export function dispatchOperation(action: OperationName, params: Record<string, string>, ctx: HandlerContext): HandlerOutcome {
  const wrong = checkGeneration(action, params, ctx);
  if (wrong) return wrong;
  const handler = operationHandlers[action] as OperationHandler<OperationName>;
  return handler(params, ctx);
}

export function operationNotFound() {
  return { status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' };
}

// A call of the other generation fails as the service's does. A 2020-05-18 file operation on a
// new-Data-Studio workspace: Alibaba's Data Studio skill (aliyun/alibabacloud-aiops-skills) reports
// legacy SubmitFile/DeployFile failing with "Code does not exist"; the error code it came with is not
// published, so the code here (Invalid.DataStudio.LegacyApi) is the emulator's. A 2024-05-18 node or
// pipeline operation on a legacy workspace: no source was found; the code is the emulator's.
// Both are HTTP 400, not retryable.
export function checkGeneration(action: OperationName, params: Record<string, string>, ctx: HandlerContext): HandlerOutcome | null {
  if (EITHER_GENERATION.has(action)) return null;
  const projectId = Number(params.ProjectId);
  if (!Number.isSafeInteger(projectId) || !ctx.state.projects.has(projectId)) return null;
  const newStudio = isNewStudio(ctx.state, projectId);
  const version = operations[action].version;
  if (newStudio && version === '2020-05-18') {
    return { ok: false, status: 400, code: 'Invalid.DataStudio.LegacyApi', message: `Code does not exist: workspace ${projectId} uses the new Data Studio; call the 2024-05-18 API.` };
  }
  if (!newStudio && version === '2024-05-18') {
    return { ok: false, status: 400, code: 'Invalid.DataStudio.NotEnabled', message: `Workspace ${projectId} does not use the new Data Studio; call the 2020-05-18 API.` };
  }
  return null;
}
