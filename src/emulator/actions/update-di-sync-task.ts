import { findTask, markChanged } from '../emulator-state.js';
import { fail, succeed, type ActionHandler, type ActionOutcome } from './action-handler.js';
import { readRequiredLong, readRequiredString } from './read-params.js';

// UpdateDISyncTask: replaces a batch sync task's job JSON and its resource settings.
// DataWorks answers every problem with its input as Invalid.DI.Parameter.

export const updateDISyncTask: ActionHandler = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const taskType = readRequiredString(params, 'TaskType');
  if (typeof taskType !== 'string') return taskType;
  const fileId = readRequiredLong(params, 'FileId');
  if (typeof fileId !== 'number') return fileId;
  const taskContent = readRequiredString(params, 'TaskContent');
  if (typeof taskContent !== 'string') return taskContent;
  const taskParam = readRequiredString(params, 'TaskParam');
  if (typeof taskParam !== 'string') return taskParam;

  if (taskType !== 'DI_OFFLINE') return invalid(`TaskType:[${taskType}] is invalid. Only DI_OFFLINE is supported.`);
  const task = findTask(ctx.state, projectId, fileId);
  if (!task) return invalid(`FileId:[${fileId}] is invalid. The file does not exist in project ${projectId}.`);
  const problem = checkTaskContent(taskContent) ?? checkTaskParam(taskParam);
  if (problem) return problem;

  task.taskContent = taskContent;
  task.taskParam = taskParam;
  task.updates += 1;
  markChanged(task, ctx.now);
  return succeed({ Status: 'success' });
};

function checkTaskContent(text: string): ActionOutcome | null {
  const parsed = parseJson(text);
  if (parsed === undefined) return invalid('TaskContent is invalid. It must be a JSON string.');
  if (!isObject(parsed) || parsed.type !== 'job') {
    const type = isObject(parsed) ? String(parsed.type) : typeof parsed;
    return invalid(`TaskContent is invalid. The value of type must be job, got [${type}].`);
  }
  return null;
}

function checkTaskParam(text: string): ActionOutcome | null {
  const parsed = parseJson(text);
  if (parsed === undefined || !isObject(parsed)) return invalid('TaskParam is invalid. It must be a JSON object string.');
  const group = parsed.ResourceGroup;
  if (typeof group !== 'string' || group.trim() === '') {
    return invalid(`ResourceGroup:[${typeof group === 'string' ? group : ''}] is invalid.`);
  }
  return null;
}

function invalid(message: string): ActionOutcome {
  return fail(400, 'Invalid.DI.Parameter', message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
