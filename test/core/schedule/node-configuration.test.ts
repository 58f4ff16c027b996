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

describe('scheduleFromNodeConfiguration, what a node leaves unset', () => {
  test('a node without scheduling fields has an empty schedule', () => {
    expect(scheduleFromNodeConfiguration({})).toStrictEqual({});
  });

  test('empty, zero and unknown values read as not set', () => {
    const node = { CronExpress: '', RerunMode: 'SOMETIMES', AutoRerunIntervalMillis: 0, ParaValue: '', InputList: [{}, { Input: '' }], SchedulerType: 'PAUSE', Timeout: 0 };
    expect(scheduleFromNodeConfiguration(node)).toStrictEqual({});
  });

  test('null values read as not set', () => {
    const node = { AutoRerunTimes: null, AutoRerunIntervalMillis: null, Stop: null, Timeout: null, StartEffectDate: null, EndEffectDate: null };
    expect(scheduleFromNodeConfiguration(node as never)).toStrictEqual({});
  });

  test('the scheduler type SKIP is skipped', () => {
    expect(scheduleFromNodeConfiguration({ SchedulerType: 'SKIP' })).toStrictEqual({ skipped: true });
  });

  test('the smallest positive rerun interval and timeout are kept', () => {
    expect(scheduleFromNodeConfiguration({ AutoRerunIntervalMillis: 1000, Timeout: 1 })).toStrictEqual({ rerun: { intervalSeconds: 1 }, timeoutHours: 1 });
  });
});

describe('toUpdateFileFields, one key at a time', () => {
  const base = { cron: '00 00 01 * * ?', rerun: { mode: 'all-allowed', times: 3, intervalSeconds: 60 }, parameters: 'a=b', dependsOn: ['p_root'], resourceGroup: 'S_a', paused: false, skipped: false, timeoutHours: 1, startDate: '2026-01-01', endDate: '2026-12-31' };

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['cron', { cron: '00 00 02 * * ?' }, { CronExpress: '00 00 02 * * ?' }],
    ['rerun mode', { rerun: { ...base.rerun, mode: 'all-denied' } }, { RerunMode: 'ALL_DENIED' }],
    ['rerun times', { rerun: { ...base.rerun, times: 1 } }, { AutoRerunTimes: 1 }],
    ['rerun interval', { rerun: { ...base.rerun, intervalSeconds: 120 } }, { AutoRerunIntervalMillis: 120000 }],
    ['parameters', { parameters: 'a=c' }, { ParaValue: 'a=c' }],
    ['dependsOn', { dependsOn: ['p_root', 'p.b'] }, { InputList: 'p_root,p.b' }],
    ['resource group', { resourceGroup: 'S_b' }, { ResourceGroupIdentifier: 'S_b' }],
    ['paused', { paused: true }, { Stop: true }],
    ['not skipped', { skipped: true }, { SchedulerType: 'SKIP' }],
    ['timeout', { timeoutHours: 2 }, { Timeout: 2 }],
    ['start date', { startDate: '2026-02-01' }, { StartEffectDate: Date.UTC(2026, 1, 1) }],
    ['end date', { endDate: '2027-01-01' }, { EndEffectDate: Date.UTC(2027, 0, 1) }],
  ])('a change of the %s sends that field alone', (_name, change, fields) => {
    expect(toUpdateFileFields({ ...base, ...change }, base)).toStrictEqual(fields);
  });

  test('skipped false is the scheduler type NORMAL', () => {
    expect(toUpdateFileFields({ skipped: false }, { skipped: true })).toStrictEqual({ SchedulerType: 'NORMAL' });
  });

  test('a task file without a rerun sends no rerun field, whatever the base has', () => {
    expect(toUpdateFileFields({ paused: true }, base)).toStrictEqual({ Stop: true });
    expect(toUpdateFileFields({ paused: true }, {})).toStrictEqual({ Stop: true });
  });

  test('a key the task file leaves out is not sent, even where the base has it', () => {
    expect(toUpdateFileFields({}, base)).toStrictEqual({});
  });

  test('sends no CycleType for a cron whose cycle is not known, nor when the base has no cron', () => {
    expect(toUpdateFileFields({ cron: 'not a cron' }, { cron: '00 00 01 * * ?' })).toStrictEqual({ CronExpress: 'not a cron' });
    expect(toUpdateFileFields({ cron: '00 */30 * * * ?' }, {})).toStrictEqual({ CronExpress: '00 */30 * * * ?' });
    expect(toUpdateFileFields({ cron: '00 */30 * * * ?' }, { cron: 'written by hand in the console' })).toStrictEqual({ CronExpress: '00 */30 * * * ?' });
  });
});
