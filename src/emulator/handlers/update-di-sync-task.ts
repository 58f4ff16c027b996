import { findTask, markChanged } from '../emulator-state.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { checkTaskContent, checkTaskParam, invalid } from './di-task-checks.js';
import { readRequiredLong, readRequiredString } from './read-params.js';

// UpdateDISyncTask: replaces a batch sync task's job JSON and its resource settings. TaskContent and
// TaskParam are optional: what a call leaves out stays as it was.
export const updateDISyncTask: OperationHandler<'UpdateDISyncTask'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const taskType = readRequiredString(params, 'TaskType');
  if (typeof taskType !== 'string') return taskType;
  const fileId = readRequiredLong(params, 'FileId');
  if (typeof fileId !== 'number') return fileId;
  const taskContent = params.TaskContent || undefined;
  const taskParam = params.TaskParam || undefined;

  if (taskType !== 'DI_OFFLINE') return invalid(`TaskType:[${taskType}] is invalid. Only DI_OFFLINE is supported.`);
  const task = findTask(ctx.state, projectId, fileId);
  if (!task) return invalid(`FileId:[${fileId}] is invalid. The file does not exist in project ${projectId}.`);
  const contentProblem = taskContent === undefined ? null : checkTaskContent(taskContent);
  if (contentProblem) return contentProblem;
  const paramProblem = taskParam === undefined ? null : checkTaskParam(taskParam, ctx.state);
  if (paramProblem?.ok === 'status-fail') return answer('UpdateDISyncTask', { Success: true, Data: { Status: 'fail', Message: paramProblem.message } });
  if (paramProblem) return paramProblem;

  if (taskContent !== undefined) task.taskContent = taskContent;
  if (taskParam !== undefined) task.taskParam = taskParam;
  task.updates += 1;
  markChanged(task, ctx.now);
  return answer('UpdateDISyncTask', { Success: true, Data: { Status: 'success' } });
};
