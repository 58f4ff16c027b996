import type { AppliedConfig } from '../state/state-schema.js';
import { compareText } from '../text/compare-text.js';

import { copyWithLazyPatches, defineLazyPatches } from './lazy-patches.js';
import type { PlanChange, PlanReport, PlanSummary, UpdateReason } from './report.js';
import { desiredConfig } from './desired-config.js';
import type { DesiredConfig } from './desired-config.js';
import { parseTaskKey, type Task } from '../task/task.js';
import { DATA_STUDIO_API, LEGACY_API, type ApiOf, type ApiVersion } from '../config/api-version.js';
import { planSchedulePatch, scheduleChanged } from '../schedule/plan-schedule.js';

// The parts of a state record a plan reads: the configs and their hashes, not when or by which request.
export type AppliedHashes = Pick<AppliedConfig, 'taskContent' | 'taskParam' | 'taskContentHash' | 'taskParamHash' | 'schedule' | 'scheduleHash'>;
export type PlanInputRecord = {
  file: string;
  fileId?: number; // a named task's file, once dwsync has found or created it
  nodeId?: string; // likewise, a named task's node on a 2024-05-18 workspace
  applied: AppliedHashes | null;
  lastAttempt: { outcome: string } | null;
  deploy?: { stage: string } | null;
};

export type PlannedTask = PlanChange & {
  task: Task | null; // null for an orphan
  fileId: number | null; // the DataWorks file: the task's own, or the one the state learned; null until created
  nodeId: string | null; // the same for a node, on a 2024-05-18 workspace (fileId is then null)
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
  apiOf?: ApiOf; // each workspace's API generation; 2020-05-18 when not given
};

export function planTasks(input: PlanInput): PlannedTask[] {
  const declared = new Set<string>();
  const planned: PlannedTask[] = [];
  const apiOf = input.apiOf ?? (() => LEGACY_API);
  for (const task of input.tasks) {
    declared.add(task.key);
    planned.push(planTask(task, input.records[task.key] ?? null, input.salt, task.deploy ?? input.deploy ?? false, apiOf(task.projectId)));
  }
  for (const [key, record] of Object.entries(input.records)) {
    if (declared.has(key) || !(input.inScope?.(record.file) ?? true)) continue;
    const api = apiOf(parseTaskKey(key).projectId);
    const target = recordedTarget(key, record, api);
    planned.push({
      key,
      file: record.file,
      action: input.prune && isOwned(record) && (target.fileId ?? target.nodeId) !== null ? 'delete' : 'orphaned',
      api,
      taskContentPatch: [],
      taskParamPatch: [],
      task: null,
      ...target,
      desired: null,
      lastApplied: record.applied,
      deploy: false,
    });
  }
  return planned.sort((a, b) => compareKeys(a.key, b.key));
}

function planTask(task: Task, record: PlanInputRecord | null, salt: string, deploy: boolean, api: ApiVersion): PlannedTask {
  const computed = desiredConfig(task, salt);
  const onNodes = api === DATA_STUDIO_API;
  const fileId = onNodes ? null : (task.fileId ?? record?.fileId ?? null);
  const nodeId = onNodes ? (task.nodeId ?? record?.nodeId ?? null) : null;
  // A named task whose file (or node) dwsync has not found or created yet: apply looks it up, then creates it.
  const create = (fileId ?? nodeId) === null;
  const previous = create ? null : (record?.applied ?? null);
  const reason = create ? null : updateReason(record, computed);
  const changes = create || reason !== null;
  // Unchanged: the last applied config is the desired one (same hashes), so keep that one object
  // rather than a second copy of every task's config.
  const desired = !changes && previous ? previous : computed;
  const entry = { key: task.key, file: task.file, action: create ? 'create' : reason ? 'update' : 'unchanged', api, ...(reason ? { reason } : {}) } as PlannedTask;
  // A change's patches are made when read (lazy-patches.ts); an unchanged task's are empty.
  if (changes) defineLazyPatches(entry, { from: previous, to: desired });
  else Object.assign(entry, { taskContentPatch: [], taskParamPatch: [] });
  return Object.assign(entry, {
    ...planSchedulePatch(previous, desired, changes),
    ...(!changes && deploy && isUndeployed(record!) ? { undeployed: true } : {}), // unchanged: the record has an applied config
    task,
    fileId,
    nodeId,
    desired,
    lastApplied: previous,
    deploy,
  });
}

// The last applied config never reached production: an update whose submit or deploy did not finish.
function isUndeployed(record: PlanInputRecord): boolean {
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

// What an orphan's key or record says its file (or node) is.
function recordedTarget(key: string, record: PlanInputRecord, api: ApiVersion): { fileId: number | null; nodeId: string | null } {
  const parsed = parseTaskKey(key);
  if (api === DATA_STUDIO_API) return { fileId: null, nodeId: 'id' in parsed ? parsed.id : (record.nodeId ?? null) };
  return { fileId: 'id' in parsed ? Number(parsed.id) : (record.fileId ?? null), nodeId: null };
}

// Keys sort by project, then file (or node) id, as numbers: "10000/9" before "10000/10"; named keys
// ("10000/Business Flow/ods/x") after a project's ids, in code-unit order. Ids are compared as digit
// strings (shorter first), so a 19-digit node id sorts exactly.
export function compareKeys(a: string, b: string): number {
  const [x, y] = [parseTaskKey(a), parseTaskKey(b)];
  return x.projectId - y.projectId || compareIds(x, y) || compareText(a, b);
}

function compareIds(x: ReturnType<typeof parseTaskKey>, y: ReturnType<typeof parseTaskKey>): number {
  if (!('id' in x)) return 'id' in y ? 1 : 0;
  if (!('id' in y)) return -1;
  return x.id.length - y.id.length || compareText(x.id, y.id);
}

// The plan without what only apply needs. A change's patches stay lazy (lazy-patches.ts): a report
// of many new tasks holds no parsed configs, and is written a change at a time.
const APPLY_ONLY = new Set(['task', 'fileId', 'nodeId', 'desired', 'lastApplied', 'deploy']);

export function toPlanReport(planned: PlannedTask[], options: { prune?: boolean } = {}): PlanReport {
  const summary: PlanSummary = { create: 0, update: 0, unchanged: 0, orphaned: 0, ...(options.prune ? { delete: 0 } : {}) };
  const changes = planned.map((entry) => {
    summary[entry.action] = (summary[entry.action] ?? 0) + 1;
    const change = {} as PlanChange;
    copyWithLazyPatches(entry, change, APPLY_ONLY);
    return change;
  });
  return { formatVersion: 1, summary, changes };
}
