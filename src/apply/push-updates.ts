import pLimit from 'p-limit';

import { appliedRecord, failedRecord, skippedRecord } from '../core/build-record.js';
import type { Clock } from '../core/clock.js';
import { requestStrings } from '../core/desired-config.js';
import type { PlannedTask } from '../core/plan-tasks.js';
import type { ApplyResult } from '../core/report.js';
import { callWithRetry } from '../dataworks/call-with-retry.js';
import type { RetryPolicy } from '../dataworks/call-with-retry.js';
import type { DataWorks } from '../dataworks/data-works.js';
import type { RateLimiter } from '../dataworks/rate-limiter.js';
import type { TaskRecord } from '../state/state-schema.js';
import { toResultError } from './to-result-error.js';

export type PushDeps = {
  dataWorks: DataWorks;
  clock: Clock;
  random: () => number;
  limiter: RateLimiter;
  signal?: AbortSignal;
  previous: (key: string) => TaskRecord | null;
  // Resolves once the record is durable; a result is reported only after that.
  record: (key: string, record: TaskRecord) => Promise<void>;
  onResult?: (result: ApplyResult) => void;
};

export type PushOptions = { concurrency: number; commit: string | null; retry?: Partial<RetryPolicy> };

// Sends every planned update with bounded concurrency. Failures are collected, never thrown: one bad
// task must not stop the others. A quota error or an abort stops new calls; what was not started is
// recorded as skipped with the reason.
export async function pushUpdates(updates: PlannedTask[], options: PushOptions, deps: PushDeps): Promise<ApplyResult[]> {
  const limit = pLimit(options.concurrency);
  let stopReason: string | null = null;
  const at = () => new Date(deps.clock.now()).toISOString();

  async function pushOne(entry: PlannedTask): Promise<ApplyResult> {
    const task = entry.task!;
    const desired = entry.desired!;
    const base = { file: task.file, previous: deps.previous(task.key) };
    if (deps.signal?.aborted) stopReason ??= 'interrupted';
    if (stopReason) {
      await deps.record(task.key, skippedRecord({ ...base, at: at(), attempts: 0, reason: stopReason }));
      return { key: task.key, file: task.file, outcome: 'skipped', attempts: 0, reason: stopReason };
    }
    const request = { projectId: task.projectId, fileId: task.fileId, ...requestStrings(task) };
    try {
      const { value, attempts } = await callWithRetry(() => deps.dataWorks.updateDISyncTask(request), options.retry ?? {}, {
        clock: deps.clock,
        random: deps.random,
        limiter: deps.limiter,
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      const record = appliedRecord({ ...base, at: at(), attempts, desired, commit: options.commit, requestId: value.requestId });
      await deps.record(task.key, record);
      return { key: task.key, file: task.file, outcome: 'applied', requestId: value.requestId, attempts };
    } catch (error) {
      const { resultError, attempts, quota } = toResultError(error);
      if (quota) stopReason ??= resultError.code;
      await deps.record(task.key, failedRecord({ ...base, at: at(), attempts, error: resultError }));
      return { key: task.key, file: task.file, outcome: 'failed', attempts, error: resultError, ...(resultError.requestId ? { requestId: resultError.requestId } : {}) };
    }
  }

  return Promise.all(
    updates.map((entry) =>
      limit(async () => {
        const result = await pushOne(entry);
        deps.onResult?.(result);
        return result;
      }),
    ),
  );
}
