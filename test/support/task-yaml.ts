import { stringify } from 'yaml';

import type { Task } from '../../src/core/task/task.js';
import { buildTask } from './build-task.js';

// The YAML a user would write for a task (docs/task-file.md).
export function taskYaml(task: Task = buildTask()): string {
  return stringify({ projectId: task.projectId, fileId: task.fileId, taskParam: task.taskParam, taskContent: task.taskContent });
}

// A task given by name and folder instead of fileId.
export function namedTaskYaml(task: Task): string {
  return stringify({ projectId: task.projectId, name: task.name, folder: task.folder, taskParam: task.taskParam, taskContent: task.taskContent });
}
