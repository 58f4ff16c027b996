import { describe, expect, test } from 'vitest';
import { validateSchedule } from '../../../src/core/schedule/validate-schedule.js';

describe('validateSchedule', () => {
  test('a valid schedule has no issue; shapes are left to the schema', () => {
    expect(validateSchedule({ cron: '00 00 01 * * ?', startDate: '2026-01-01', endDate: '2026-01-01' })).toEqual([]);
    expect(validateSchedule({ cron: 5 })).toEqual([]);
    expect(validateSchedule(undefined)).toEqual([]);
  });

  test('issues are located at their key', () => {
    expect(validateSchedule({ cron: '00 */1 * * * ?', paused: true, skipped: true, startDate: '2026-02-01', endDate: '2026-01-31' })).toEqual([
      { path: ['schedule', 'cron'], message: expect.stringMatching(/^schedule.cron must run at least 5 minutes apart/) },
      { path: ['schedule', 'skipped'], message: expect.stringMatching(/paused/) },
      { path: ['schedule', 'endDate'], message: 'schedule.endDate must not be before schedule.startDate (2026-02-01), got "2026-01-31"' },
    ]);
  });

  test('parameters are name=value pairs', () => {
    expect(validateSchedule({ parameters: 'bizdate=$yyyymmdd $bizdate' })).toEqual([
      { path: ['schedule', 'parameters'], message: 'schedule.parameters must be space-separated name=value pairs such as "bizdate=$yyyymmdd", got "$bizdate"' },
    ]);
  });
});

describe('validateSchedule, one of a pair', () => {
  test('paused or skipped alone is fine', () => {
    expect(validateSchedule({ paused: true })).toEqual([]);
    expect(validateSchedule({ skipped: true })).toEqual([]);
    expect(validateSchedule({ paused: true, skipped: false })).toEqual([]);
  });

  test('a start or an end date alone is fine, and so are dates that are not text (the schema says so)', () => {
    expect(validateSchedule({ startDate: '2026-02-01' })).toEqual([]);
    expect(validateSchedule({ endDate: '2026-01-31' })).toEqual([]);
    expect(validateSchedule({ startDate: ['2026-02-01'], endDate: '2026-01-31' })).toEqual([]);
    expect(validateSchedule({ startDate: '2026-02-01', endDate: ['2026-01-31'] })).toEqual([]);
  });
});
