import type { Schedule } from '../../src/core/schedule/schedule-schema.js';

// A schedule that gives every key, each with a value other than DataWorks' default.
export const fullSchedule: Schedule = {
  cron: '00 00 01 * * ?',
  rerun: { mode: 'failure-allowed', times: 3, intervalSeconds: 180 },
  parameters: 'bizdate=$yyyymmdd other=$[yyyymmdd-1] eq=a=b',
  dependsOn: ['proj_root', 'proj.ods_users'],
  paused: false,
  skipped: true,
  timeoutHours: 4,
  startDate: '2026-01-01',
  endDate: '2099-12-31',
};
