import { describeLongContent, buildUpdateRequest } from '../core/plan/build-update-request.js';
import { InternalError } from '../errors.js';
import { deleteTask } from './delete-task.js';
import { deployTask } from './deploy-task.js';
import { readLiveFile } from './fetch-live.js';
import { findOrCreateTask } from './find-or-create-task.js';
import { pushFileSchedule } from './push-schedule.js';
import type { TaskCalls, TaskTarget } from './task-calls.js';

// 2020-05-18 (legacy Data Studio): a task is a batch sync file.
export const fileCalls: TaskCalls = {
  api: '2020-05-18',
  async update(entry, target, deps) {
    const task = entry.task!;
    const request = { projectId: task.projectId, fileId: fileIdOf(target), ...buildUpdateRequest(entry) };
    const long = request.taskContent === undefined ? null : describeLongContent(task.file, request.taskContent);
    if (long) deps.onWarning?.(long);
    const { value, attempts } = await deps.call(() => deps.dataWorks.updateDISyncTask(request));
    return { requestId: value.requestId, attempts };
  },
  async findOrCreate(task, deps) {
    const found = await findOrCreateTask(task, deps);
    return { ...found, target: { fileId: found.fileId } };
  },
  deploy: (projectId, target, comment, deps) => deployTask({ projectId, fileId: fileIdOf(target) }, comment, deps),
  remove: (projectId, target, deps) => deleteTask({ projectId, fileId: fileIdOf(target) }, deps),
  readLive: (projectId, target, deps) => readLiveFile({ projectId, fileId: fileIdOf(target) }, deps),
  // The schedule is the file's NodeConfiguration: UpdateFile, after the content.
  pushSchedule: (entry, target, record, deps) => pushFileSchedule(entry, fileIdOf(target), record, deps),
};

function fileIdOf(target: TaskTarget): number {
  if (target.fileId === undefined) throw new InternalError(`a 2020-05-18 call was asked for node ${target.nodeId}`);
  return target.fileId;
}
