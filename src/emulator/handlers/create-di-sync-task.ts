import { hasProject, seedTask } from '../emulator-state.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { checkTaskContent, checkTaskParam, invalid, isObject, parseJson } from './di-task-checks.js';
import { readRequiredLong, readRequiredString } from './read-params.js';

// CreateDISyncTask: a new batch sync file named TaskName in TaskParam.FileFolderPath, with a new
// fileId. A ClientToken seen before answers the file it created, without creating another.
export const createDISyncTask: OperationHandler<'CreateDISyncTask'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const taskType = readRequiredString(params, 'TaskType');
  if (typeof taskType !== 'string') return taskType;
  const taskContent = readRequiredString(params, 'TaskContent');
  if (typeof taskContent !== 'string') return taskContent;
  const taskParam = params.TaskParam ?? '';
  const taskName = params.TaskName ?? '';

  const token = params.ClientToken ? `${projectId}/${params.ClientToken}` : null;
  const earlier = token === null ? undefined : ctx.state.clientTokens.get(token);
  if (earlier !== undefined) return answer('CreateDISyncTask', { Success: true, Data: { Status: 'success', FileId: earlier } });

  if (taskType !== 'DI_OFFLINE') return invalid(`TaskType:[${taskType}] is invalid. Only DI_OFFLINE is supported here.`);
  if (!hasProject(ctx.state, projectId)) return invalid(`ProjectId:[${projectId}] is invalid.`);
  if (taskName.trim() === '') return invalid('TaskName is invalid. It must not be empty.');
  const problem = checkTaskContent(taskContent);
  if (problem) return problem;
  const paramProblem = checkTaskParam(taskParam, ctx.state);
  if (paramProblem?.ok === 'status-fail') return answer('CreateDISyncTask', { Success: true, Data: { Status: 'fail', Message: paramProblem.message } });
  if (paramProblem) return paramProblem;
  const parsed = parseJson(taskParam);
  const folder = isObject(parsed) && typeof parsed.FileFolderPath === 'string' ? parsed.FileFolderPath.trim() : '';
  // The documented failure message for a bad folder: "Invalid path: Workflow/xxxx/Data Integration".
  if (!/^(Business Flow|Workflow|业务流程)\/[^/]+\/(Data Integration|数据集成)(\/|$)/.test(folder)) {
    return answer('CreateDISyncTask', { Success: true, Data: { Status: 'fail', Message: `Invalid path: ${folder}` } });
  }

  const fileId = ctx.state.nextFileId;
  ctx.state.nextFileId += 1;
  const task = seedTask(ctx.state, { projectId, fileId, fileName: taskName, fileFolderPath: folder, taskContent, taskParam }, ctx.now);
  task.committed = false;
  task.deployed = false;
  task.changedSinceDeploy = true;
  if (token !== null) ctx.state.clientTokens.set(token, fileId);
  return answer('CreateDISyncTask', { Success: true, Data: { Status: 'success', FileId: fileId } });
};
