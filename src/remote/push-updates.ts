import pLimit from 'p-limit';

import { appliedRecord, failedRecord, skippedRecord } from '../core/plan/build-record.js';
import type { Clock, DataWorksSession, ProjectMode } from '../ports.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { WorkItem } from '../core/plan/plan-work.js';
import type { ApplyResult } from '../core/plan/report.js';
import { InternalError, RemoteError } from '../errors.js';
import type { TaskRecord } from '../core/state/state-schema.js';
import type { Task } from '../core/task/task.js';
import { toResultError } from '../dataworks/to-result-error.js';
import { keepAppliedSchedule, onlyScheduleChanged } from '../core/schedule/plan-schedule.js';
import { callsFor } from './calls-for.js';
import { isWrongApi } from './wrong-api.js';
import { targetOf, type Found, type TaskTarget } from './task-calls.js';

export type PushDeps = DataWorksSession & {
  clock: Clock;
  signal?: AbortSignal;
  projectMode: (projectId: number) => Promise<ProjectMode>;
  recordOf: (key: string) => TaskRecord | null;
  // Resolves once the record is durable; a result is reported only after that.
  record: (key: string, record: TaskRecord) => Promise<void>;
  remove: (key: string) => Promise<void>; // likewise, for a deleted task's record
  onResult?: (result: ApplyResult) => void;
  onWarning?: (message: string) => void;
};

export type PushOptions = { concurrency: number; commit: string | null };

// Runs every work item with bounded concurrency. Failures are collected, never thrown: one bad task
// must not stop the others. A quota error or an abort stops new calls; what was not started is
// recorded as skipped with the reason.
// An update frees its slot once its record has been handed to the store: the journal writes the line
// at once (journal.ts), so a run killed from then on keeps it and re-sends no more than the calls in
// flight; its result is reported only once the record is durable (fdatasync, group commit).
// Holding the slot through the fdatasync (4-9 ms on a VM disk) would cost a fifth to a third of the
// throughput at 20 ms per call.
export async function pushUpdates(items: WorkItem[], options: PushOptions, deps: PushDeps): Promise<ApplyResult[]> {
  const limit = pLimit(options.concurrency);
  let stopReason: string | null = null;
  // A workspace that answered in the other API generation: its remaining tasks are not tried.
  const wrongApi = new Map<number, string>();
  const at = () => new Date(deps.clock.now()).toISOString();
  // The last record of each task, awaited after its slot is freed. Records of one key become durable
  // in order (one journal), so the last one being durable means all of them are.
  const recording = new Map<string, Promise<void>>();
  const recordLater = (key: string, record: TaskRecord | null): Promise<void> => {
    const recorded = record === null ? deps.remove(key) : deps.record(key, record);
    recorded.catch(() => undefined); // awaited below; this keeps an early failure from looking unhandled
    recording.set(key, recorded);
    return recorded;
  };

  // An orphan (a delete) has no task, only its key and the file it was in.
  async function skip(entry: PlannedTask, reason: string): Promise<ApplyResult> {
    void recordLater(entry.key, skippedRecord({ file: entry.file, record: deps.recordOf(entry.key), at: at(), attempts: 0, reason }));
    return { key: entry.key, file: entry.file, outcome: 'skipped', attempts: 0, reason };
  }

  async function fail(entry: PlannedTask, error: unknown, deployStage: boolean): Promise<ApplyResult> {
    const { resultError, attempts, quota } = toResultError(error);
    if (quota) stopReason ??= resultError.code;
    if (isWrongApi(error, entry.api)) wrongApi.set(projectIdOf(entry), resultError.code);
    const previous = deps.recordOf(entry.key);
    const record = failedRecord({ file: entry.file, record: previous, at: at(), attempts, error: resultError });
    // A failed submit or deploy keeps the applied config (the update itself went through).
    if (deployStage) record.deploy = { ...previous?.deploy, stage: 'failed', at: at(), error: { code: resultError.code, message: resultError.message } };
    void recordLater(entry.key, record);
    const requestId = resultError.requestId ? { requestId: resultError.requestId } : {};
    return { key: entry.key, file: entry.file, outcome: 'failed', attempts, error: resultError, ...requestId };
  }

  async function deploy(entry: PlannedTask, target: TaskTarget): Promise<void> {
    const task = entry.task!;
    const comment = `dwsync${options.commit ? ` ${options.commit.replace(/^([0-9a-f]{12})[0-9a-f]*/, '$1')}` : ''}: ${task.file}`;
    await callsFor(entry.api).deploy(task.projectId, target, comment, {
      ...deps,
      recordStage: (stage) => deps.record(task.key, { ...deps.recordOf(task.key)!, deploy: stage }),
    });
  }

  // The config is in DataWorks (updated, or created with it): record it, then deploy when wanted.
  async function applied(entry: PlannedTask, target: TaskTarget, answer: { requestId: string; attempts: number }, outcome: 'applied' | 'created'): Promise<ApplyResult> {
    const task = entry.task!;
    const { requestId, attempts } = answer;
    const { pushSchedule } = callsFor(entry.api);
    const previous = deps.recordOf(task.key);
    // Where the schedule takes a call of its own (UpdateFile), the content is recorded first with the
    // schedule as last applied, and the schedule once that call is accepted. A node's schedule went
    // with its content, in the same FlowSpec.
    const desired = pushSchedule ? keepAppliedSchedule(entry.desired!, previous?.applied) : entry.desired!;
    const record = appliedRecord({ file: task.file, record: previous, at: at(), attempts, desired, commit: options.commit, requestId });
    const named = isNamed(task) ? learned(target) : {};
    Object.assign(record, named);
    record.deploy = entry.deploy ? { stage: 'submitting', at: at() } : null;
    let recorded = recordLater(task.key, record);
    if (pushSchedule) {
      try {
        const scheduled = await pushSchedule(entry, target, record, deps);
        if (scheduled) recorded = recordLater(task.key, scheduled);
      } catch (error) {
        // The content applied, the schedule did not: recorded as exactly that (fail keeps `applied`).
        await recorded;
        return fail(entry, error, false);
      }
    }
    const result: ApplyResult = { key: task.key, file: task.file, outcome, requestId, attempts, ...named };
    if (!entry.deploy) return result;
    await recorded;
    try {
      await deploy(entry, target);
      return result;
    } catch (error) {
      return await fail(entry, error, true);
    }
  }

  // A named task: the file (or node) of that name is adopted (its id recorded before the update is
  // sent), or created with the config, which is then recorded as applied as soon as the answer arrives.
  async function create(entry: PlannedTask): Promise<ApplyResult> {
    const task = entry.task! as Task & { name: string; folder: string };
    let found: Found;
    try {
      found = await callsFor(entry.api).findOrCreate(task, deps);
    } catch (error) {
      if (!(error instanceof RemoteError) && deps.signal?.aborted) return skip(entry, 'interrupted');
      return fail(entry, error, false);
    }
    if (found.kind === 'created') return applied(entry, found.target, found, 'created');
    const previous = deps.recordOf(task.key);
    await recordLater(task.key, { ...previous, file: task.file, ...learned(found.target), applied: previous?.applied ?? null, lastAttempt: previous?.lastAttempt ?? null });
    const result = await update(entry, found.target);
    return { ...result, ...learned(found.target), ...(result.outcome === 'applied' ? { reason: 'adopted' } : {}) };
  }

  async function remove(entry: PlannedTask): Promise<ApplyResult> {
    const target = knownTarget(entry);
    const projectId = projectIdOf(entry);
    try {
      const { requestId, attempts } = await callsFor(entry.api).remove(projectId, target, deps);
      await recordLater(entry.key, null);
      return { key: entry.key, file: entry.file, outcome: 'deleted', attempts, ...learned(target), ...(requestId ? { requestId } : {}) };
    } catch (error) {
      if (!(error instanceof RemoteError) && deps.signal?.aborted) return skip(entry, 'interrupted');
      return fail(entry, error, false);
    }
  }

  async function update(entry: PlannedTask, target: TaskTarget): Promise<ApplyResult> {
    // Only a schedule sent on its own changed (or only it failed last time): straight to that call.
    if (callsFor(entry.api).pushSchedule && onlyScheduleChanged(entry)) {
      return applied(entry, target, { requestId: deps.recordOf(entry.key)?.applied?.requestId ?? '', attempts: 0 }, 'applied');
    }
    try {
      const answer = await callsFor(entry.api).update(entry, target, deps);
      return await applied(entry, target, answer, 'applied');
    } catch (error) {
      if (!(error instanceof RemoteError) && deps.signal?.aborted) return skip(entry, 'interrupted');
      return fail(entry, error, false);
    }
  }

  async function run(item: WorkItem): Promise<ApplyResult> {
    if (item.kind === 'skip') return skip(item.entry, item.reason);
    if (deps.signal?.aborted) stopReason ??= 'interrupted';
    if (stopReason) return skip(item.entry, stopReason);
    const wrong = wrongApi.get(projectIdOf(item.entry));
    if (wrong) return skip(item.entry, wrong);
    if (item.kind === 'update') return update(item.entry, knownTarget(item.entry));
    if (item.kind === 'create') return create(item.entry);
    if (item.kind === 'delete') return remove(item.entry);
    try {
      await deploy(item.entry, knownTarget(item.entry));
      return { key: item.entry.key, file: item.entry.file, outcome: 'applied', attempts: 0, reason: 'deployed' };
    } catch (error) {
      return fail(item.entry, error, true);
    }
  }

  return Promise.all(
    items.map(async (item) => {
      const result = await limit(() => run(item));
      await recording.get(result.key);
      deps.onResult?.(result);
      return result;
    }),
  );
}

function projectIdOf(entry: PlannedTask): number {
  return Number(entry.key.split('/')[0]);
}

function knownTarget(entry: PlannedTask): TaskTarget {
  const target = targetOf(entry);
  if (target === null) throw new InternalError(`${entry.key}: no fileId or nodeId to update (the plan said ${entry.action})`);
  return target;
}

// A task given by name and folder, whose id dwsync learns and keeps in the state.
function isNamed(task: Task): boolean {
  return task.fileId === null && task.nodeId === undefined;
}

// What the state and the result say of a target: its fileId, or its nodeId.
function learned(target: TaskTarget): { fileId: number } | { nodeId: string } {
  return target.nodeId !== undefined ? { nodeId: target.nodeId } : { fileId: target.fileId };
}
