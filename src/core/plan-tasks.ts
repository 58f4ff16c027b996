import type { Operation } from 'fast-json-patch';

import { diffConfig, maskPatch } from './diff-config.js';
import type { JsonObject, JsonValue } from './json.js';
import type { PlanChange, PlanReport, UpdateReason } from './report.js';
import { desiredConfig } from './desired-config.js';
import type { DesiredConfig } from './desired-config.js';
import type { Task } from './task.js';

// The parts of a state record a plan reads (the state module's TaskRecord fits this shape).
export type AppliedConfig = {
  taskContent: JsonValue;
  taskParam: JsonValue;
  taskContentHash: string;
  taskParamHash: string;
};
export type PlanRecord = {
  file: string;
  applied: AppliedConfig | null;
  lastAttempt: { outcome: string } | null;
  deploy?: { stage: string } | null;
};

export type PlannedTask = PlanChange & {
  task: Task | null; // null for an orphan
  desired: DesiredConfig | null;
  previous: AppliedConfig | null;
  deploy: boolean; // submit and deploy after the update (the task file's `deploy`, else dwsync.yaml's)
};

export type PlanInput = {
  tasks: Task[];
  records: Readonly<Record<string, PlanRecord>>;
  salt: string;
  // Orphans are only reported for records whose file is in scope (with --only, the rest is not looked at).
  inScope?: (file: string) => boolean;
  deploy?: boolean; // the repository default for tasks that do not say
};

export function planTasks(input: PlanInput): PlannedTask[] {
  const declared = new Set<string>();
  const planned: PlannedTask[] = [];
  for (const task of input.tasks) {
    declared.add(task.key);
    planned.push(planTask(task, input.records[task.key] ?? null, input.salt, task.deploy ?? input.deploy ?? false));
  }
  for (const [key, record] of Object.entries(input.records)) {
    if (declared.has(key) || !(input.inScope?.(record.file) ?? true)) continue;
    planned.push({
      key,
      file: record.file,
      action: 'orphaned',
      taskContentPatch: [],
      taskParamPatch: [],
      task: null,
      desired: null,
      previous: record.applied,
      deploy: false,
    });
  }
  return planned.sort((a, b) => compareKeys(a.key, b.key));
}

function planTask(task: Task, record: PlanRecord | null, salt: string, deploy: boolean): PlannedTask {
  const computed = desiredConfig(task, salt);
  const previous = record?.applied ?? null;
  const reason = updateReason(record, computed);
  // Unchanged: the last applied config is the desired one (same hashes), so keep that one object
  // rather than a second copy of every task's config.
  const desired = !reason && previous ? previous : computed;
  const empty: JsonObject = {};
  const contentPatch: Operation[] = reason ? diffConfig(previous?.taskContent ?? empty, desired.taskContent) : [];
  const paramPatch: Operation[] = reason ? diffConfig(previous?.taskParam ?? empty, desired.taskParam) : [];
  return {
    key: task.key,
    file: task.file,
    action: reason ? 'update' : 'unchanged',
    ...(reason ? { reason } : {}),
    taskContentPatch: maskPatch(contentPatch),
    taskParamPatch: maskPatch(paramPatch),
    ...(!reason && deploy && isUndeployed(record) ? { undeployed: true } : {}),
    task,
    desired,
    previous,
    deploy,
  };
}

// The last applied config never reached production: an update whose submit or deploy did not finish.
function isUndeployed(record: PlanRecord | null): boolean {
  if (!record?.applied) return false;
  const stage = record.deploy?.stage;
  return stage !== 'deployed' && stage !== 'not-needed';
}

function updateReason(record: PlanRecord | null, desired: DesiredConfig): UpdateReason | null {
  if (record?.lastAttempt?.outcome === 'failed') return 'retry';
  const applied = record?.applied;
  if (!applied) return 'new';
  const same = applied.taskContentHash === desired.taskContentHash && applied.taskParamHash === desired.taskParamHash;
  return same ? null : 'changed';
}

// Keys sort by project, then file id, as numbers: "10000/9" before "10000/10".
export function compareKeys(a: string, b: string): number {
  const [pa = 0, fa = 0] = a.split('/').map(Number);
  const [pb = 0, fb = 0] = b.split('/').map(Number);
  return pa - pb || fa - fb || (a < b ? -1 : a > b ? 1 : 0);
}

export function toPlanReport(planned: PlannedTask[]): PlanReport {
  const summary = { update: 0, unchanged: 0, orphaned: 0 };
  const changes = planned.map(({ task: _task, desired: _desired, previous: _previous, deploy: _deploy, ...change }) => {
    summary[change.action] += 1;
    return change;
  });
  return { formatVersion: 1, summary, changes };
}
