import { describeLongContent, buildUpdateRequest } from '../core/plan/build-update-request.js';
import { InternalError } from '../errors.js';
import { deleteTask } from './delete-task.js';
import { deployTask } from './deploy-task.js';
import { readLiveFile } from './fetch-live.js';
import { findOrCreateTask } from './find-or-create-task.js';
import { pushFileSchedule } from './push-schedule.js';
import type { TaskCalls, TaskTarget } from './task-calls.js';
import type { DataWorksSession } from '../ports.js';

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
    if (found.kind === 'created' && task.schedule?.dependsOn === undefined) await dependOnRoot(task.projectId, found.fileId, deps);
    return { ...found, target: { fileId: found.fileId } };
  },
  deploy: (projectId, target, comment, deps) => deployTask({ projectId, fileId: fileIdOf(target) }, comment, deps),
  remove: (projectId, target, deps) => deleteTask({ projectId, fileId: fileIdOf(target) }, deps),
  readLive: (projectId, target, deps) => readLiveFile({ projectId, fileId: fileIdOf(target) }, deps),
  // The schedule is the file's NodeConfiguration: UpdateFile, after the content.
  pushSchedule: (entry, target, record, deps) => pushFileSchedule(entry, fileIdOf(target), record, deps),
};

// A batch sync file needs an upstream dependency to be scheduled (InputList "must be configured" when
// creating one, DataWorks' API docs) and CreateDISyncTask cannot set it: a file dwsync creates for a
// task that names none depends on its workspace's root node, whose output is "<identifier>_root", as
// a file created in the console does. Should this call fail, the file exists: the task fails, and the
// next run adopts the file by its name (without this default: set schedule.dependsOn to be sure).
async function dependOnRoot(projectId: number, fileId: number, deps: DataWorksSession): Promise<void> {
  const { value: project } = await deps.call(() => deps.dataWorks.getProject({ projectId }));
  if (project.identifier === null) return;
  const root = `${project.identifier}_root`;
  await deps.call(() => deps.dataWorks.updateFile({ projectId, fileId, fields: { InputList: root } }));
}

function fileIdOf(target: TaskTarget): number {
  if (target.fileId === undefined) throw new InternalError(`a 2020-05-18 call was asked for node ${target.nodeId}`);
  return target.fileId;
}
