import { describe, expect, it } from 'vitest';
import { appliedRecord, failedRecord, skippedRecord } from '../../../src/core/plan/build-record.js';
import { TaskRecord } from '../../../src/core/state/state-schema.js';
import { anAppliedRecord } from '../../support/state-builders.js';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { buildTask } from '../../support/build-task.js';

const AT = '2026-12-01T10:00:00.000Z';
const before = anAppliedRecord('jobs/old.yaml', 'req-old');

describe('the record of each outcome', () => {
  it('applied: the desired config becomes what is applied, with its commit and request id', () => {
    const desired = { taskContent: { a: 1 }, taskParam: { Cu: 1 }, taskContentHash: 'sha256:1', taskParamHash: 'sha256:2' };
    const record = appliedRecord({ file: 'jobs/new.yaml', record: before, at: AT, attempts: 2, desired, commit: 'abc', requestId: 'req-2' });
    expect(record).toEqual({
      file: 'jobs/new.yaml',
      applied: { ...desired, appliedAt: AT, commit: 'abc', requestId: 'req-2' },
      lastAttempt: { at: AT, outcome: 'applied', attempts: 2, requestId: 'req-2' },
    });
    expect(TaskRecord.safeParse(record).success).toBe(true);
  });

  it('failed: what was applied before stays, and the error is kept with its request id', () => {
    const error = { code: 'Throttling.User', message: 'slow down', requestId: 'req-3', status: 429 };
    const record = failedRecord({ file: 'jobs/new.yaml', record: before, at: AT, attempts: 3, error });
    expect(record).toEqual({ file: 'jobs/new.yaml', applied: before.applied, lastAttempt: { at: AT, outcome: 'failed', attempts: 3, requestId: 'req-3', error } });
    expect(TaskRecord.safeParse(record).success).toBe(true);
  });

  it('failed without a request id, for a task never applied', () => {
    const error = { code: 'NetworkError', message: 'ECONNRESET' };
    const record = failedRecord({ file: 'jobs/a.yaml', record: null, at: AT, attempts: 1, error });
    expect(record).toEqual({ file: 'jobs/a.yaml', applied: null, lastAttempt: { at: AT, outcome: 'failed', attempts: 1, error } });
    expect('requestId' in record.lastAttempt!).toBe(false);
  });

  it('skipped: what was applied before stays, with the reason', () => {
    const record = skippedRecord({ file: 'jobs/new.yaml', record: before, at: AT, attempts: 0, reason: 'stopped after a quota error' });
    expect(record).toEqual({ file: 'jobs/new.yaml', applied: before.applied, lastAttempt: { at: AT, outcome: 'skipped', attempts: 0, reason: 'stopped after a quota error' } });
    expect(TaskRecord.safeParse(record).success).toBe(true);
  });
});

describe('appliedRecord, the schedule', () => {
  const base = { file: 'jobs/a.yaml', record: null, at: '2026-12-01T00:00:00.000Z', attempts: 1, commit: null, requestId: 'req-1' };

  it('records the schedule applied, with its hash', () => {
    const desired = desiredConfig(buildTask({ schedule: { paused: true } }), 'ab');
    expect(appliedRecord({ ...base, desired }).applied).toMatchObject({ schedule: { paused: true }, scheduleHash: desired.scheduleHash });
  });

  it('records no schedule for a task file without one', () => {
    const applied = appliedRecord({ ...base, desired: desiredConfig(buildTask(), 'ab') }).applied!;
    expect('schedule' in applied || 'scheduleHash' in applied).toBe(false);
  });
});
