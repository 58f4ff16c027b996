import type { Schedule, RerunMode } from './schedule-schema.js';
import { parseParameters, formatParameters } from './schedule-parameters.js';

// The schedule on the 2024-05-18 API, where a batch sync task is a Data Studio node described by
// FlowSpec (aliyun/dataworks-spec: SpecNode, SpecTrigger, SpecScript, SpecDepend). Pure; the 2024 push
// path puts the node fields into its node and the dependencies at the spec's level.
//
// - rerunInterval is in milliseconds: ListNodes documents Strategy.RerunInterval as "Unit:
//   milliseconds", and the API examples pair rerunInterval 180000 with the console's 3 minutes.
// - timeout: neither SpecNode nor ListNodes ("Timeout.") gives a unit; the console sets a node's
//   timeout in hours, as 2020-05-18's Timeout does, so it is sent in hours. To be confirmed on a
//   live workspace.
// - recurrence (SpecNode's NodeRecurrenceType): Normal, Pause (paused, descendants blocked) or Skip
//   (dry run), one field for 2020's Stop and SchedulerType SKIP.
// - Dependencies go in the spec's "flow" (dataworks-spec's DataWorksWorkflowSpec and the API's examples).
// - The scheduling resource group has no 2024 field of its own: the node's runtimeResource.resourceGroup
//   is the task's taskParam.ResourceGroup. schedule.resourceGroup is left out here.
// - startTime/endTime are "yyyy-MM-dd HH:mm:ss" in the trigger's time zone (the API examples:
//   "1970-01-01 00:00:00", "9999-01-01 00:00:00"); a date becomes 00:00:00 of that day. No timezone is
//   written: it would move the cron too.

export type FlowSpecRerunMode = 'Allowed' | 'FailureAllowed' | 'Denied';
export type FlowSpecRecurrence = 'Normal' | 'Pause' | 'Skip';
export type FlowSpecTrigger = { type: 'Scheduler'; cron?: string; startTime?: string; endTime?: string; timezone?: string };
// A parameter's type: System for one of DataWorks' variables ($bizdate, $[yyyymmdd], ${...}), Constant
// for a plain value (dataworks-spec's VariableType).
export type FlowSpecParameter = { name: string; scope: 'NodeParameter'; type: 'System' | 'Constant'; value: string };
export type FlowSpecNodeSchedule = {
  trigger?: FlowSpecTrigger;
  rerunMode?: FlowSpecRerunMode;
  rerunTimes?: number;
  rerunInterval?: number; // milliseconds
  timeout?: number; // hours
  recurrence?: FlowSpecRecurrence;
  script?: { parameters: FlowSpecParameter[] };
};
export type FlowSpecDepend = { type: 'Normal'; output: string };
export type FlowSpecDependency = { nodeId: string; depends: FlowSpecDepend[] };
// What the node of a FlowSpec holds that the inverse reads (the rest of a node is ignored).
export type FlowSpecNode = FlowSpecNodeSchedule & { id?: string; script?: { parameters?: FlowSpecParameter[] } };

const RERUN_TO_SPEC: Record<RerunMode, FlowSpecRerunMode> = {
  'all-allowed': 'Allowed',
  'failure-allowed': 'FailureAllowed',
  'all-denied': 'Denied',
};

// The partial FlowSpec node for a schedule, and the spec-level dependencies of the node `nodeId`
// (none when the schedule has no dependsOn). Keys the schedule leaves out are left out.
export function scheduleToFlowSpecNode(schedule: Schedule, nodeId: string): { node: FlowSpecNodeSchedule; dependencies: FlowSpecDependency[] } {
  const node: FlowSpecNodeSchedule = {};
  if (schedule.cron !== undefined || schedule.startDate !== undefined || schedule.endDate !== undefined) {
    node.trigger = {
      type: 'Scheduler',
      ...(schedule.cron !== undefined && { cron: schedule.cron }),
      ...(schedule.startDate !== undefined && { startTime: `${schedule.startDate} 00:00:00` }),
      ...(schedule.endDate !== undefined && { endTime: `${schedule.endDate} 00:00:00` }),
    };
  }
  const rerun = schedule.rerun;
  if (rerun?.mode !== undefined) node.rerunMode = RERUN_TO_SPEC[rerun.mode];
  if (rerun?.times !== undefined) node.rerunTimes = rerun.times;
  if (rerun?.intervalSeconds !== undefined) node.rerunInterval = rerun.intervalSeconds * 1000;
  if (schedule.timeoutHours !== undefined) node.timeout = schedule.timeoutHours;
  if (schedule.paused !== undefined || schedule.skipped !== undefined) {
    node.recurrence = schedule.paused ? 'Pause' : schedule.skipped ? 'Skip' : 'Normal';
  }
  if (schedule.parameters !== undefined) {
    node.script = {
      parameters: parseParameters(schedule.parameters).map(({ name, value }) => ({ name, scope: 'NodeParameter', type: value.startsWith('$') ? 'System' : 'Constant', value })),
    };
  }
  const dependencies = schedule.dependsOn === undefined ? [] : [{ nodeId, depends: schedule.dependsOn.map((output) => ({ type: 'Normal' as const, output })) }];
  return { node, dependencies };
}

// The schedule a FlowSpec node has (every key it shows; compare it with a task file's schedule through
// projectSchedule). The inverse of scheduleToFlowSpecNode on what that writes: recurrence Normal reads
// as paused: false and skipped: false, so a schedule giving one of them reads back equal on its keys.
export function scheduleFromFlowSpecNode(node: FlowSpecNode, dependencies: readonly FlowSpecDependency[] = []): Schedule {
  const schedule: Schedule = {};
  const trigger = node.trigger;
  if (trigger?.cron !== undefined) schedule.cron = trigger.cron;
  const rerun: NonNullable<Schedule['rerun']> = {};
  const mode = (Object.keys(RERUN_TO_SPEC) as RerunMode[]).find((m) => RERUN_TO_SPEC[m] === node.rerunMode);
  if (mode) rerun.mode = mode;
  if (node.rerunTimes !== undefined) rerun.times = node.rerunTimes;
  if ((node.rerunInterval ?? 0) > 0) rerun.intervalSeconds = Math.round(node.rerunInterval! / 1000);
  if (Object.keys(rerun).length > 0) schedule.rerun = rerun;
  const parameters = node.script?.parameters ?? [];
  if (parameters.length > 0) schedule.parameters = formatParameters(parameters);
  const outputs = dependencies.filter((d) => d.nodeId === node.id || node.id === undefined).flatMap((d) => d.depends.map((depend) => depend.output));
  if (outputs.length > 0) schedule.dependsOn = outputs;
  if (node.recurrence !== undefined) {
    schedule.paused = node.recurrence === 'Pause';
    schedule.skipped = node.recurrence === 'Skip';
  }
  if ((node.timeout ?? 0) > 0) schedule.timeoutHours = node.timeout!;
  if (trigger?.startTime !== undefined) schedule.startDate = trigger.startTime.slice(0, 10);
  if (trigger?.endTime !== undefined) schedule.endDate = trigger.endTime.slice(0, 10);
  return schedule;
}
