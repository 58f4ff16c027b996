import { describe, expect, test } from 'vitest';
import { scheduleFromNodeConfiguration, toUpdateFileFields } from '../../../src/core/schedule/node-configuration.js';
import { projectSchedule } from '../../../src/core/schedule/schedule-config.js';

describe('the 2020-05-18 UpdateFile / NodeConfiguration mapping', () => {
  test('a first schedule sends every key it gives, in wire names', () => {
    expect(
      toUpdateFileFields(
        {
          cron: '00 */30 * * * ?', rerun: { mode: 'failure-allowed', times: 3, intervalSeconds: 180 }, parameters: 'bizdate=$yyyymmdd',
          dependsOn: ['p_root', 'p.a'], resourceGroup: 'S_res', paused: false, skipped: true, timeoutHours: 4, startDate: '2026-01-01', endDate: '2026-12-31',
        },
        {},
      ),
    ).toEqual({
      CronExpress: '00 */30 * * * ?', RerunMode: 'FAILURE_ALLOWED', AutoRerunTimes: 3, AutoRerunIntervalMillis: 180000,
      ParaValue: 'bizdate=$yyyymmdd', InputList: 'p_root,p.a', ResourceGroupIdentifier: 'S_res', Stop: false, SchedulerType: 'SKIP', Timeout: 4,
      StartEffectDate: Date.UTC(2026, 0, 1), EndEffectDate: Date.UTC(2026, 11, 31),
    });
  });

  test('only changed fields are sent; CycleType only when the cycle changes', () => {
    const base = { cron: '00 00 01 * * ?', rerun: { mode: 'all-allowed', times: 3 }, paused: false };
    expect(toUpdateFileFields({ ...base, cron: '00 30 02 * * ?' }, base)).toEqual({ CronExpress: '00 30 02 * * ?' });
    expect(toUpdateFileFields({ ...base, rerun: { mode: 'all-allowed', times: 5 } }, base)).toEqual({ AutoRerunTimes: 5 });
    expect(toUpdateFileFields(base, base)).toEqual({});
    expect(toUpdateFileFields({ ...base, cron: '00 */30 * * * ?' }, base)).toEqual({ CronExpress: '00 */30 * * * ?', CycleType: 'NOT_DAY' });
  });

  test('NodeConfiguration reads back what UpdateFile sent', () => {
    const live = scheduleFromNodeConfiguration({
      CronExpress: '00 00 01 * * ?', CycleType: 'DAY', RerunMode: 'ALL_DENIED', AutoRerunTimes: 0, AutoRerunIntervalMillis: 120000,
      ParaValue: 'a=b', InputList: [{ Input: 'p_root', ParseType: 'MANUAL' }], Stop: true, SchedulerType: 'NORMAL', Timeout: 2,
      StartEffectDate: Date.UTC(2026, 0, 1) + 3_600_000, EndEffectDate: 4155787800000,
    });
    expect(live).toEqual({
      cron: '00 00 01 * * ?', rerun: { mode: 'all-denied', times: 0, intervalSeconds: 120 }, parameters: 'a=b', dependsOn: ['p_root'],
      paused: true, skipped: false, timeoutHours: 2, startDate: '2026-01-01', endDate: '2101-09-10',
    });
    expect(projectSchedule(live, { cron: 'x', dependsOn: ['p_root'] })).toEqual({ cron: '00 00 01 * * ?', dependsOn: ['p_root'] });
  });
});
