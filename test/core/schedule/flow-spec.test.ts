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
