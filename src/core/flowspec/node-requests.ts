import { changedParts } from '../plan/build-update-request.js';
import { requestStrings } from '../plan/desired-config.js';
import type { PlannedTask } from '../plan/plan-tasks.js';
import type { Task } from '../task/task.js';
import { buildCreateSpec, buildUpdateSpec, type NodeParts } from './node-spec.js';

// The FlowSpec documents apply sends for a task on a 2024-05-18 workspace: the task file's taskContent
// becomes script.content, taskParam.ResourceGroup runtimeResource.resourceGroup (and Cu its cu). Pure.

export function nodeCreateSpec(task: Task & { name: string; folder: string }): string {
  return buildCreateSpec({ name: task.name, folder: task.folder, ...allParts(task) } as Parameters<typeof buildCreateSpec>[0]);
}

// Only what changed since the last apply, as for UpdateDISyncTask (changedParts).
export function nodeUpdateSpec(entry: PlannedTask, nodeId: string): string {
  const parts = allParts(entry.task!);
  const changed = changedParts(entry);
  return buildUpdateSpec(nodeId, {
    ...(changed.content ? { content: parts.content } : {}),
    ...(changed.param ? { resourceGroup: parts.resourceGroup, ...(parts.cu !== undefined ? { cu: parts.cu } : {}) } : {}),
  });
}

function allParts(task: Task): NodeParts {
  const { taskContent } = requestStrings(task);
  const group = task.taskParam['ResourceGroup'];
  const cu = task.taskParam['Cu'];
  return {
    content: taskContent,
    ...(typeof group === 'string' ? { resourceGroup: group } : {}),
    ...(typeof cu === 'number' ? { cu } : {}),
  };
}
