import pLimit from 'p-limit';

import { appliedRecord, failedRecord, skippedRecord } from '../core/build-record.js';
import type { Clock } from '../core/clock.js';
import { requestStrings } from '../core/desired-config.js';
import type { PlannedTask } from '../core/plan-tasks.js';
import type { ApplyResult } from '../core/report.js';
import type { DataWorks } from '../dataworks/data-works.js';
import { RemoteError } from '../errors.js';
import type { TaskRecord } from '../state/state-schema.js';
import type { CallRunner } from './call-runner.js';
import { deployTask } from './deploy-task.js';
import { toResultError } from './to-result-error.js';

// What apply does with one planned task.
export type WorkItem =
  | { kind: 'update'; entry: PlannedTask } // UpdateDISyncTask, then submit and deploy when the task wants it
  | { kind: 'deploy'; entry: PlannedTask } // the config is current but its last update never reached production
  | { kind: 'skip'; entry: PlannedTask; reason: string }; // e.g. drift: edited in the console, not overwritten

export type PushDeps = {
  dataWorks: DataWorks;
  call: CallRunner;
  clock: Clock;
  signal?: AbortSignal;
  projectMode: (projectId: number) => Promise<'basic' | 'standard'>;
  previous: (key: string) => TaskRecord | null;
  // Resolves once the record is durable; a result is reported only after that.
  record: (key: string, record: TaskRecord) => Promise<void>;
  onResult?: (result: ApplyResult) => void;
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
  const at = () => new Date(deps.clock.now()).toISOString();
  // The last record of each task, awaited after its slot is freed. Records of one key become durable
  // in order (one journal), so the last one being durable means all of them are.
  const recording = new Map<string, Promise<void>>();
  const recordLater = (key: string, record: TaskRecord): Promise<void> => {
    const recorded = deps.record(key, record);
    recorded.catch(() => undefined); // awaited below; this keeps an early failure from looking unhandled
    recording.set(key, recorded);
    return recorded;
  };

  async function skip(entry: PlannedTask, reason: string): Promise<ApplyResult> {
    const task = entry.task!;
    void recordLater(task.key, skippedRecord({ file: task.file, previous: deps.previous(task.key), at: at(), attempts: 0, reason }));
    return { key: task.key, file: task.file, outcome: 'skipped', attempts: 0, reason };
  }

  async function fail(entry: PlannedTask, error: unknown, deployStage: boolean): Promise<ApplyResult> {
    const task = entry.task!;
    const { resultError, attempts, quota } = toResultError(error);
    if (quota) stopReason ??= resultError.code;
    const previous = deps.previous(task.key);
    const record = failedRecord({ file: task.file, previous, at: at(), attempts, error: resultError });
    // A failed submit or deploy keeps the applied config (the update itself went through).
    if (deployStage) record.deploy = { ...previous?.deploy, stage: 'failed', at: at(), error: { code: resultError.code, message: resultError.message } };
    void recordLater(task.key, record);
    const requestId = resultError.requestId ? { requestId: resultError.requestId } : {};
    return { key: task.key, file: task.file, outcome: 'failed', attempts, error: resultError, ...requestId };
  }

  async function deploy(entry: PlannedTask): Promise<void> {
    const task = entry.task!;
    const comment = `dwsync${options.commit ? ` ${options.commit.replace(/^([0-9a-f]{12})[0-9a-f]*/, '$1')}` : ''}: ${task.file}`;
    await deployTask({ projectId: task.projectId, fileId: task.fileId }, comment, {
      ...deps,
      recordStage: (stage) => deps.record(task.key, { ...deps.previous(task.key)!, deploy: stage }),
    });
  }

  async function update(entry: PlannedTask): Promise<ApplyResult> {
    const task = entry.task!;
    const request = { projectId: task.projectId, fileId: task.fileId, ...requestStrings(task) };
    try {
      const { value, attempts } = await deps.call(() => deps.dataWorks.updateDISyncTask(request));
      const record = appliedRecord({ file: task.file, previous: deps.previous(task.key), at: at(), attempts, desired: entry.desired!, commit: options.commit, requestId: value.requestId });
      record.deploy = entry.deploy ? { stage: 'submitting', at: at() } : null;
      const recorded = recordLater(task.key, record);
      const result: ApplyResult = { key: task.key, file: task.file, outcome: 'applied', requestId: value.requestId, attempts };
      if (!entry.deploy) return result;
      await recorded;
      try {
        await deploy(entry);
        return result;
      } catch (error) {
        return await fail(entry, error, true);
      }
    } catch (error) {
      if (!(error instanceof RemoteError) && deps.signal?.aborted) return skip(entry, 'interrupted');
      return fail(entry, error, false);
    }
  }

  async function run(item: WorkItem): Promise<ApplyResult> {
    if (item.kind === 'skip') return skip(item.entry, item.reason);
    if (deps.signal?.aborted) stopReason ??= 'interrupted';
    if (stopReason) return skip(item.entry, stopReason);
    if (item.kind === 'update') return update(item.entry);
    try {
      await deploy(item.entry);
      const task = item.entry.task!;
      return { key: task.key, file: task.file, outcome: 'applied', attempts: 0, reason: 'deployed' };
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
