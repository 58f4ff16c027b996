import type { AppliedConfig } from '../state/state-schema.js';
import { compareText } from '../text/compare-text.js';
import type { Operation } from 'fast-json-patch';

import { diffConfig, maskPatch } from './diff-config.js';
import type { JsonObject } from '../text/json.js';
import type { PlanChange, PlanReport, PlanSummary, UpdateReason } from './report.js';
import { desiredConfig } from './desired-config.js';
import type { DesiredConfig } from './desired-config.js';
import { parseTaskKey, type Task } from '../task/task.js';
import { planSchedulePatch, scheduleChanged } from '../schedule/plan-schedule.js';

// The parts of a state record a plan reads: the configs and their hashes, not when or by which request.
export type AppliedHashes = Pick<AppliedConfig, 'taskContent' | 'taskParam' | 'taskContentHash' | 'taskParamHash' | 'schedule' | 'scheduleHash'>;
export type PlanInputRecord = {
  file: string;
  fileId?: number; // a named task's file, once dwsync has found or created it
  applied: AppliedHashes | null;
  lastAttempt: { outcome: string } | null;
  deploy?: { stage: string } | null;
};

export type PlannedTask = PlanChange & {
  task: Task | null; // null for an orphan
  fileId: number | null; // the DataWorks file: the task's own, or the one the state learned; null until created
  desired: DesiredConfig | null;
  lastApplied: AppliedHashes | null; // what the state says was last applied
  deploy: boolean; // submit and deploy after the update (the task file's `deploy`, else dwsync.yaml's)
};

export type PlanInput = {
  tasks: Task[];
  records: Readonly<Record<string, PlanInputRecord>>;
  salt: string;
  // Orphans are only reported for records whose file is in scope (with --only, the rest is not looked at).
  inScope?: (file: string) => boolean;
  deploy?: boolean; // the repository default for tasks that do not say
  prune?: boolean; // orphans that dwsync created or applied are planned for deletion
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
    const fileId = recordedFileId(key, record);
    planned.push({
      key,
      file: record.file,
      action: input.prune && isOwned(record) && fileId !== null ? 'delete' : 'orphaned',
      taskContentPatch: [],
      taskParamPatch: [],
      task: null,
      fileId,
      desired: null,
      lastApplied: record.applied,
      deploy: false,
    });
  }
  return planned.sort((a, b) => compareKeys(a.key, b.key));
}

function planTask(task: Task, record: PlanInputRecord | null, salt: string, deploy: boolean): PlannedTask {
  const computed = desiredConfig(task, salt);
  const fileId = task.fileId ?? record?.fileId ?? null;
  // A named task whose file dwsync has not found or created yet: apply looks it up, then creates it.
  const create = fileId === null;
  const previous = create ? null : (record?.applied ?? null);
  const reason = create ? null : updateReason(record, computed);
  const changes = create || reason !== null;
  // Unchanged: the last applied config is the desired one (same hashes), so keep that one object
  // rather than a second copy of every task's config.
  const desired = !changes && previous ? previous : computed;
  const empty: JsonObject = {};
  const contentPatch: Operation[] = changes ? diffConfig(previous?.taskContent ?? empty, desired.taskContent) : [];
  const paramPatch: Operation[] = changes ? diffConfig(previous?.taskParam ?? empty, desired.taskParam) : [];
  return {
    key: task.key,
    file: task.file,
    action: create ? 'create' : reason ? 'update' : 'unchanged',
    ...(reason ? { reason } : {}),
    taskContentPatch: maskPatch(contentPatch),
    taskParamPatch: maskPatch(paramPatch),
    ...planSchedulePatch(previous, desired, changes),
    ...(!changes && deploy && isUndeployed(record) ? { undeployed: true } : {}),
    task,
    fileId,
    desired,
    lastApplied: previous,
    deploy,
  };
}

// The last applied config never reached production: an update whose submit or deploy did not finish.
function isUndeployed(record: PlanInputRecord | null): boolean {
  if (!record?.applied) return false;
  const stage = record.deploy?.stage;
  return stage !== 'deployed' && stage !== 'not-needed';
}

function updateReason(record: PlanInputRecord | null, desired: DesiredConfig): UpdateReason | null {
  if (record?.lastAttempt?.outcome === 'failed') return 'retry';
  const applied = record?.applied;
  if (!applied) return 'new';
  const same = applied.taskContentHash === desired.taskContentHash && applied.taskParamHash === desired.taskParamHash;
  return same && !scheduleChanged(applied, desired) ? null : 'changed';
}

// A record dwsync answers for: it created or applied (or imported) that config. Only those are pruned.
function isOwned(record: PlanInputRecord): boolean {
  return record.applied !== null;
}

function recordedFileId(key: string, record: PlanInputRecord): number | null {
  const parsed = parseTaskKey(key);
  return 'fileId' in parsed ? parsed.fileId : (record.fileId ?? null);
}

// Keys sort by project, then file id, as numbers: "10000/9" before "10000/10"; named keys
// ("10000/Business Flow/ods/x") after a project's file ids, in code-unit order.
export function compareKeys(a: string, b: string): number {
  const [x, y] = [sortParts(a), sortParts(b)];
  return x.project - y.project || (x.id === y.id ? 0 : x.id - y.id) || compareText(a, b);
}

function sortParts(key: string): { project: number; id: number } {
  const parts = parseTaskKey(key);
  return { project: parts.projectId, id: 'fileId' in parts ? parts.fileId : Infinity };
}

export function toPlanReport(planned: PlannedTask[], options: { prune?: boolean } = {}): PlanReport {
  const summary: PlanSummary = { create: 0, update: 0, unchanged: 0, orphaned: 0, ...(options.prune ? { delete: 0 } : {}) };
  const changes = planned.map(({ task: _task, fileId: _fileId, desired: _desired, lastApplied: _lastApplied, deploy: _deploy, ...change }) => {
    summary[change.action] = (summary[change.action] ?? 0) + 1;
    return change;
  });
  return { formatVersion: 1, summary, changes };
}
