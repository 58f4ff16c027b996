import { describe, expect, it } from 'vitest';
import { importedRecord } from '../../../src/core/import/imported-record.js';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { TaskRecord } from '../../../src/core/state/state-schema.js';
import { buildTask } from '../../support/build-task.js';
import { SALT } from '../../support/state-builders.js';

describe('importedRecord', () => {
  const desired = desiredConfig(buildTask(), SALT);
  const record = importedRecord({ file: 'jobs/ods/u_pk.yaml', desired, at: '2026-12-01T10:00:00.000Z', requestId: 'req-get-1' });

  it('records the config read as applied, from no commit, with no last attempt', () => {
    expect(record).toEqual({
      file: 'jobs/ods/u_pk.yaml',
      applied: { ...desired, appliedAt: '2026-12-01T10:00:00.000Z', commit: null, requestId: 'req-get-1' },
      lastAttempt: null,
    });
  });

  it('is a valid state record', () => {
    expect(TaskRecord.safeParse(record).success).toBe(true);
  });
});

describe('importedRecord, the schedule', () => {
  it('records the schedule read as applied, with its hash', () => {
    const desired = desiredConfig(buildTask({ schedule: { cron: '00 00 01 * * ?' } }), SALT);
    const record = importedRecord({ file: 'jobs/ods/u_pk.yaml', desired, at: '2026-12-01T10:00:00.000Z', requestId: 'req-get-1' });
    expect(record.applied).toMatchObject({ schedule: { cron: '00 00 01 * * ?' }, scheduleHash: desired.scheduleHash });
  });

  it('records no schedule for a task read without one', () => {
    const record = importedRecord({ file: 'jobs/ods/u_pk.yaml', desired: desiredConfig(buildTask(), SALT), at: '2026-12-01T10:00:00.000Z', requestId: 'req-get-1' });
    expect('schedule' in record.applied!).toBe(false);
    expect('scheduleHash' in record.applied!).toBe(false);
  });
});
