import type { DesiredConfig } from './desired-config.js';
import type { ResultError } from './report.js';
import type { AppliedConfig, TaskRecord } from '../state/state-schema.js';
import { copyJsonField } from '../text/define-lazy.js';

// State records for each outcome of an update. Pure: time and commit are given.
type Base = { file: string; record: TaskRecord | null; at: string; attempts: number };

export function appliedRecord(
  base: Base & { desired: DesiredConfig; commit: string | null; requestId: string },
): TaskRecord {
  const { taskContentHash, taskParamHash, schedule, scheduleHash } = base.desired;
  const appliedSchedule = schedule !== undefined ? { schedule, scheduleHash } : {}; // desiredConfig gives both or neither
  // The configs stay JSON text when they are (desired-config.ts), for the journal to write as it is.
  const applied = {} as AppliedConfig;
  copyJsonField(base.desired, applied, 'taskContent');
  copyJsonField(base.desired, applied, 'taskParam');
  Object.assign(applied, { taskContentHash, taskParamHash, ...appliedSchedule, appliedAt: base.at, commit: base.commit, requestId: base.requestId });
  return {
    ...base.record,
    file: base.file,
    applied,
    lastAttempt: { at: base.at, outcome: 'applied', attempts: base.attempts, requestId: base.requestId },
  };
}

export function failedRecord(base: Base & { error: ResultError }): TaskRecord {
  const { at, attempts, error } = base;
  return unappliedRecord(base, { at, outcome: 'failed', attempts, ...(error.requestId ? { requestId: error.requestId } : {}), error });
}

export function skippedRecord(base: Base & { reason: string }): TaskRecord {
  return unappliedRecord(base, { at: base.at, outcome: 'skipped', attempts: base.attempts, reason: base.reason });
}

// An attempt that changed nothing in DataWorks: what was applied before stays the record's.
function unappliedRecord(base: Base, lastAttempt: TaskRecord['lastAttempt']): TaskRecord {
  return { ...base.record, file: base.file, applied: base.record?.applied ?? null, lastAttempt };
}
