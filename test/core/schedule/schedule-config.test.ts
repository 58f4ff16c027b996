import { describe, expect, test } from 'vitest';
import { orderSchedule, projectSchedule, toScheduleConfig } from '../../../src/core/schedule/schedule-config.js';

describe('orderSchedule', () => {
  test('puts the keys and the rerun keys in the schema order, leaving out undefined ones', () => {
    const ordered = orderSchedule({ paused: true, rerun: { intervalSeconds: 60, times: 3, mode: 'all-allowed' }, cron: '00 00 01 * * ?' });
    expect(JSON.stringify(ordered)).toBe('{"cron":"00 00 01 * * ?","rerun":{"mode":"all-allowed","times":3,"intervalSeconds":60},"paused":true}');
    const sparse = orderSchedule({ cron: undefined, rerun: { mode: undefined, times: 1 } } as never);
    expect(JSON.stringify(Object.keys(sparse))).toBe('["rerun"]');
    expect(Object.keys(sparse.rerun as object)).toEqual(['times']);
  });

  test('keeps a rerun that is not a mapping as it is', () => {
    expect(orderSchedule({ rerun: 'x' })).toEqual({ rerun: 'x' });
    expect(orderSchedule({ rerun: null })).toEqual({ rerun: null });
    expect(orderSchedule({ rerun: ['a'] })).toEqual({ rerun: ['a'] });
  });
});

describe('toScheduleConfig', () => {
  test('hashes the ordered schedule: key order in the task file does not matter', () => {
    const a = toScheduleConfig({ paused: true, cron: '00 00 01 * * ?' });
    expect(a).toEqual({ schedule: { cron: '00 00 01 * * ?', paused: true }, scheduleHash: expect.stringMatching(/^sha256:/) as string });
    expect(toScheduleConfig({ cron: '00 00 01 * * ?', paused: true }).scheduleHash).toBe(a.scheduleHash);
    expect(toScheduleConfig({ cron: '00 00 01 * * ?', paused: false }).scheduleHash).not.toBe(a.scheduleHash);
  });
});

describe('projectSchedule', () => {
  test('keeps only the keys and rerun keys the task file declares', () => {
    const live = { cron: '00 00 01 * * ?', rerun: { mode: 'all-allowed', times: 3, intervalSeconds: 60 }, paused: false, timeoutHours: 2 };
    expect(projectSchedule(live, { cron: 'x', rerun: { times: 1 } })).toEqual({ cron: '00 00 01 * * ?', rerun: { times: 3 } });
  });

  test('leaves out a declared key the live schedule does not show', () => {
    expect(JSON.stringify(projectSchedule({ cron: 'c', rerun: { mode: 'all-allowed' } }, { cron: 'x', paused: true, rerun: { mode: 'all-denied', times: 1 } }))).toBe(
      '{"cron":"c","rerun":{"mode":"all-allowed"}}',
    );
  });

  test('keeps a live rerun that is not a mapping as it is', () => {
    expect(projectSchedule({ rerun: 'x' }, { rerun: { times: 1 } })).toEqual({ rerun: 'x' });
    expect(projectSchedule({ rerun: null }, { rerun: { times: 1 } })).toEqual({ rerun: null });
    expect(projectSchedule({ rerun: { times: 3 } }, { rerun: 'x' })).toEqual({ rerun: { times: 3 } });
  });

  test('reads the same dependsOn outputs in another order as the declared order', () => {
    expect(projectSchedule({ dependsOn: ['b', 'a'] }, { dependsOn: ['a', 'b'] })).toEqual({ dependsOn: ['a', 'b'] });
  });

  test('keeps the live dependsOn when it is another set: more, fewer, other or repeated outputs', () => {
    for (const [live, declared] of [
      [['a', 'b', 'a'], ['b', 'a']],
      [['a'], ['a', 'b']],
      [['a', 'c'], ['a', 'b']],
      [['a', 'b'], ['a', 'a']],
    ] as const) {
      expect(projectSchedule({ dependsOn: [...live] }, { dependsOn: [...declared] })).toEqual({ dependsOn: live });
    }
  });

  test('compares only dependsOn as a set, not another key holding a list', () => {
    expect(projectSchedule({ parameters: ['b', 'a'], dependsOn: ['a', 'b'] }, { parameters: 'x', dependsOn: ['a', 'b'] })).toEqual({ parameters: ['b', 'a'], dependsOn: ['a', 'b'] });
  });
});
