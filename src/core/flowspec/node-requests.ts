import { changedParts } from '../plan/build-update-request.js';
import { requestStrings } from '../plan/desired-config.js';
import type { PlannedTask } from '../plan/plan-tasks.js';
import { scheduleToFlowSpecNode, type FlowSpecDependency } from '../schedule/flow-spec.js';
import { changedSchedule, scheduleChanged } from '../schedule/plan-schedule.js';
import type { Schedule } from '../schedule/schedule-schema.js';
import type { JsonObject } from '../text/json.js';
import type { Task } from '../task/task.js';
import { buildCreateSpec, buildUpdateSpec, type NodeParts } from './node-spec.js';

// The FlowSpec documents apply sends for a task on a 2024-05-18 workspace: the task file's taskContent
// becomes script.content, taskParam.ResourceGroup runtimeResource.resourceGroup (and Cu its cu), its
// schedule the node's scheduling fields and the spec's dependencies. Pure.

// CreateNode: everything but the dependencies, which need the id CreateNode answers (nodeDependencies).
export function nodeCreateSpec(task: Task & { name: string; folder: string }): string {
  // Stryker disable next-line StringLiteral: the node id only names the dependencies, left out here
  const schedule = task.schedule ? { schedule: scheduleToFlowSpecNode(task.schedule, '').node } : {};
  return buildCreateSpec({ name: task.name, folder: task.folder, ...allParts(task), ...schedule } as Parameters<typeof buildCreateSpec>[0]);
}

// The dependencies a just-created node still needs (an UpdateNode of its id and them), or null.
export function nodeDependencies(task: Task, nodeId: string): string | null {
  if (task.schedule?.dependsOn === undefined) return null;
  return buildUpdateSpec(nodeId, { dependencies: scheduleToFlowSpecNode(task.schedule, nodeId).dependencies });
}

// Only what changed since the last apply, as for UpdateDISyncTask (changedParts); of the schedule, the
// fields that differ from the last applied one (changedSchedule, as UpdateFile's on 2020-05-18), or all
// of it on a first apply or a drift overwritten. One UpdateNode carries both.
export function nodeUpdateSpec(entry: PlannedTask, nodeId: string): string {
  const task = entry.task!;
  const parts = allParts(task);
  const changed = changedParts(entry);
  const withSchedule = task.schedule !== undefined && (entry.lastApplied === null || entry.drift === true || scheduleChanged(entry.lastApplied, entry.desired!));
  const schedule: { schedule?: NodeParts['schedule']; dependencies?: FlowSpecDependency[] } = {};
  if (withSchedule) {
    const whole = entry.lastApplied === null || entry.drift === true;
    const sent = whole ? task.schedule! : scheduleToSend(task.schedule!, entry.lastApplied!.schedule ?? {});
    const spec = scheduleToFlowSpecNode(sent, nodeId);
    schedule.schedule = spec.node;
    if (sent.dependsOn !== undefined) schedule.dependencies = spec.dependencies;
  }
  const onlySchedule = withSchedule && entry.lastApplied !== null && entry.drift !== true && !contentOrParamChanged(entry);
  return buildUpdateSpec(nodeId, {
    ...(changed.content && !onlySchedule ? { content: parts.content } : {}),
    ...(changed.param && !onlySchedule ? { resourceGroup: parts.resourceGroup, cu: parts.cu } : {}),
    ...schedule,
  });
}

// The changed fields; paused and skipped are one FlowSpec field (recurrence), so both go when either changed.
function scheduleToSend(desired: Schedule, applied: JsonObject): Schedule {
  const changed = changedSchedule(desired as JsonObject, applied) as Schedule;
  if (changed.paused === undefined && changed.skipped === undefined) return changed;
  // Stryker disable next-line ConditionalExpression: a field set to undefined is one not given (scheduleToFlowSpecNode)
  return { ...changed, ...(desired.paused !== undefined ? { paused: desired.paused } : {}), ...(desired.skipped !== undefined ? { skipped: desired.skipped } : {}) };
}

function contentOrParamChanged(entry: PlannedTask): boolean {
  const previous = entry.lastApplied!;
  const desired = entry.desired!;
  return desired.taskContentHash !== previous.taskContentHash || desired.taskParamHash !== previous.taskParamHash;
}

// A valid taskParam has a ResourceGroup (text) and maybe a Cu (a number); a missing Cu stays undefined,
// which the FlowSpec leaves out.
function allParts(task: Task): NodeParts & { resourceGroup: string } {
  const { taskContent } = requestStrings(task);
  return { content: taskContent, resourceGroup: task.taskParam['ResourceGroup'] as string, cu: task.taskParam['Cu'] as number | undefined };
}
