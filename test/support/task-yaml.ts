import { stringify } from 'yaml';

import type { Task } from '../../src/core/task/task.js';
import { buildTask } from './build-task.js';

// The YAML a user would write for a task (docs/task-file.md).
export function taskYaml(task: Task = buildTask()): string {
  return stringify({ projectId: task.projectId, fileId: task.fileId, taskParam: task.taskParam, taskContent: task.taskContent });
}

// A task given by name and folder instead of fileId.
export function namedTaskYaml(task: Task): string {
  return stringify({ projectId: task.projectId, name: task.name, folder: task.folder, taskParam: task.taskParam, taskContent: task.taskContent, ...(task.schedule ? { schedule: task.schedule } : {}) });
}

// A task of a 2024-05-18 workspace, given by its node id.
export function nodeTaskYaml(task: Task): string {
  return stringify({ projectId: task.projectId, nodeId: task.nodeId, taskParam: task.taskParam, taskContent: task.taskContent, ...(task.schedule ? { schedule: task.schedule } : {}) });
}

// A dwsync.yaml that puts these workspaces on the new Data Studio (2024-05-18).
export function dataStudioConfig(projectIds: number[], extra: Record<string, unknown> = {}): string {
  return stringify({ ...extra, workspaces: Object.fromEntries(projectIds.map((id) => [String(id), { api: '2024-05-18' }])) });
}
