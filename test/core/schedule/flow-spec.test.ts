import { describe, expect, test } from 'vitest';
import { scheduleFromFlowSpecNode, scheduleToFlowSpecNode } from '../../../src/core/schedule/flow-spec.js';
import { projectSchedule } from '../../../src/core/schedule/schedule-config.js';
import type { Schedule } from '../../../src/core/schedule/schedule-schema.js';
import { fullSchedule } from '../../support/full-schedule.js';
import type { JsonObject } from '../../../src/core/text/json.js';

const full = fullSchedule;

describe('the 2024-05-18 FlowSpec mapping', () => {
  test('a schedule becomes the node fields and spec-level dependencies', () => {
    expect(scheduleToFlowSpecNode(full, 'n1')).toEqual({
      node: {
        trigger: { type: 'Scheduler', cron: '00 00 01 * * ?', startTime: '2026-01-01 00:00:00', endTime: '2099-12-31 00:00:00' },
        rerunMode: 'FailureAllowed',
        rerunTimes: 3,
        rerunInterval: 180000,
        timeout: 4,
        recurrence: 'Skip',
        script: {
          parameters: [
            { name: 'bizdate', scope: 'NodeParameter', type: 'System', value: '$yyyymmdd' },
            { name: 'other', scope: 'NodeParameter', type: 'System', value: '$[yyyymmdd-1]' },
            { name: 'eq', scope: 'NodeParameter', type: 'Constant', value: 'a=b' },
          ],
        },
      },
      dependencies: [{ nodeId: 'n1', depends: [{ type: 'Normal', output: 'proj_root' }, { type: 'Normal', output: 'proj.ods_users' }] }],
    });
  });

  test('only the keys given are written; the resource group has no 2024 field', () => {
    expect(scheduleToFlowSpecNode({ cron: '00 00 01 * * ?', resourceGroup: 'S_res' }, 'n1')).toEqual({
      node: { trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' } },
      dependencies: [],
    });
    expect(scheduleToFlowSpecNode({ paused: true }, 'n1').node).toEqual({ recurrence: 'Pause' });
    expect(scheduleToFlowSpecNode({ paused: false }, 'n1').node).toEqual({ recurrence: 'Normal' });
  });

  test.each<[string, Schedule]>([
    ['everything', full],
    ['only the cron', { cron: '00 */30 * * * ?' }],
    ['paused', { paused: true }],
    ['not paused', { paused: false }],
    ['reruns', { rerun: { mode: 'all-denied' } }],
    ['dependencies', { dependsOn: ['a_root'] }],
  ])('the inverse reads back %s exactly, on the schedule keys', (_name, schedule) => {
    const { node, dependencies } = scheduleToFlowSpecNode(schedule, 'n1');
    const back = scheduleFromFlowSpecNode({ ...node, id: 'n1' }, dependencies);
    expect(projectSchedule(back as JsonObject, schedule as JsonObject)).toEqual(projectSchedule(schedule as JsonObject, schedule as JsonObject));
  });

  test('a dependency of another node is not this node\'s', () => {
    expect(scheduleFromFlowSpecNode({ id: 'n1' }, [{ nodeId: 'n2', depends: [{ type: 'Normal', output: 'x' }] }])).toEqual({});
  });
});

describe('scheduleToFlowSpecNode, each trigger field alone', () => {
  test('a start or an end date alone makes a trigger without a cron', () => {
    expect(scheduleToFlowSpecNode({ startDate: '2026-01-01' }, 'n1').node).toStrictEqual({ trigger: { type: 'Scheduler', startTime: '2026-01-01 00:00:00' } });
    expect(scheduleToFlowSpecNode({ endDate: '2099-12-31' }, 'n1').node).toStrictEqual({ trigger: { type: 'Scheduler', endTime: '2099-12-31 00:00:00' } });
  });

  test('skipped alone is the recurrence Skip, and not skipped is Normal', () => {
    expect(scheduleToFlowSpecNode({ skipped: true }, 'n1').node).toEqual({ recurrence: 'Skip' });
    expect(scheduleToFlowSpecNode({ skipped: false }, 'n1').node).toEqual({ recurrence: 'Normal' });
  });

  test('a schedule without a timeout writes none', () => {
    expect('timeout' in scheduleToFlowSpecNode({ cron: '00 00 01 * * ?' }, 'n1').node).toBe(false);
  });
});

describe('scheduleFromFlowSpecNode, what a node leaves unset', () => {
  test('a rerun interval or a timeout of 0 reads as not set', () => {
    expect(scheduleFromFlowSpecNode({ rerunInterval: 0, timeout: 0 })).toEqual({});
    expect(scheduleFromFlowSpecNode({})).toEqual({});
  });

  test('the smallest positive rerun interval and timeout are kept', () => {
    expect(scheduleFromFlowSpecNode({ rerunInterval: 1000, timeout: 1 })).toEqual({ rerun: { intervalSeconds: 1 }, timeoutHours: 1 });
  });

  test('the recurrence Skip is skipped and not paused, Normal is neither', () => {
    expect(scheduleFromFlowSpecNode({ recurrence: 'Skip' })).toEqual({ paused: false, skipped: true });
    expect(scheduleFromFlowSpecNode({ recurrence: 'Normal' })).toEqual({ paused: false, skipped: false });
  });

  test('a node without an id takes every dependency of its spec', () => {
    expect(scheduleFromFlowSpecNode({}, [{ nodeId: 'n2', depends: [{ type: 'Normal', output: 'x' }] }])).toEqual({ dependsOn: ['x'] });
  });
});
