import { describe, expect, it } from 'vitest';
import { apiResolver } from '../../../src/core/config/api-version.js';
import { taskFitsApi } from '../../../src/core/task/task-fits-api.js';
import { buildNamedTask, buildNodeTask, buildTask } from '../../support/build-task.js';

const rule = taskFitsApi(apiResolver({ '20000': { api: '2024-05-18' } }));

describe('taskFitsApi', () => {
  it('accepts a file on a 2020-05-18 workspace, a node on a 2024-05-18 one, and a named task on either', () => {
    expect(rule([buildTask(), buildNodeTask(), buildNamedTask(), buildNamedTask({ projectId: 20000 })])).toEqual([]);
  });

  it('refuses a fileId on a 2024-05-18 workspace, naming the setting', () => {
    const task = buildTask({ projectId: 20000, line: 4, column: 1 });
    expect(rule([task])).toEqual([
      {
        task,
        path: ['fileId'],
        severity: 'error',
        message:
          'fileId names a file of the 2020-05-18 API, but workspace 20000 speaks 2024-05-18 (workspaces."20000".api in dwsync.yaml): name its node with nodeId: "<id>", or give name and folder',
      },
    ]);
  });

  it('refuses a nodeId on a workspace that speaks 2020-05-18, saying how to switch it', () => {
    const [problem] = rule([buildNodeTask({ projectId: 10000 })]);
    expect(problem?.path).toEqual(['nodeId']);
    expect(problem?.message).toContain('workspace 10000 speaks 2020-05-18: set workspaces."10000".api in dwsync.yaml to "2024-05-18"');
  });

  it('on a 2024-05-18 workspace, refuses a schedule.resourceGroup other than taskParam.ResourceGroup (a node has one)', () => {
    const group = String(buildNodeTask().taskParam['ResourceGroup']);
    const same = buildNodeTask({ schedule: { cron: '00 00 01 * * ?', resourceGroup: group } });
    const other = buildNodeTask({ schedule: { resourceGroup: 'S_res_group_sched' } });
    const legacy = buildTask({ schedule: { resourceGroup: 'S_res_group_sched' } });
    expect(rule([same, legacy])).toEqual([]);
    const [problem] = rule([other]);
    expect(problem?.path).toEqual(['schedule', 'resourceGroup']);
    expect(problem?.message).toMatch(/^schedule.resourceGroup is "S_res_group_sched", but a node on workspace 20000 .* has one resource group, taskParam.ResourceGroup/);
  });
});
