import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/task/task.js';
import type { JsonObject } from '../../src/core/text/json.js';
import { createEmulatorState, DEFAULT_DI_RESOURCE_GROUP } from '../../src/emulator/emulator-state.js';
import { findDataSources, seedFromTasks, seedNamedTaskReferences } from '../../src/emulator/seed-from-tasks.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { callWithSdk } from './call-with-sdk.js';

// `emulator --seed DIR`: what the declared tasks make exist in the emulator.

const named = (overrides: Partial<Task> = {}): Task => ({
  ...buildTask({ projectId: 30000 }),
  fileId: null,
  name: 'ods_new',
  folder: 'Business Flow/ods/Data Integration',
  key: '30000/Business Flow/ods/Data Integration/ods_new',
  ...overrides,
});

describe('seedFromTasks', () => {
  it('seeds an empty task per task with a file id, with its DI group and the data sources its steps name', () => {
    expect(seedFromTasks([buildTask({ projectId: 10000, fileId: 5 })])).toEqual([
      {
        projectId: 10000,
        fileId: 5,
        resourceGroup: 'S_res_group_1_1',
        dataSources: [
          { name: 'mysql_pub', type: 'mysql' },
          { name: 'odps_first', type: 'odps' },
        ],
      },
    ]);
  });

  it('leaves out a task given by name, and a group that is missing, blank or not a string', () => {
    const seeds = seedFromTasks([
      named(),
      buildTask({ fileId: 6, taskParam: { Cu: 2 } }),
      buildTask({ fileId: 7, taskParam: { ResourceGroup: '' } }),
      buildTask({ fileId: 8, taskParam: { ResourceGroup: 3 } }),
    ]);
    expect(seeds.map((s) => [s.fileId, 'resourceGroup' in s])).toEqual([
      [6, false],
      [7, false],
      [8, false],
    ]);
  });

  it('an emulator started with the seeds serves the tasks and lists their groups and data sources', async () => {
    const em = await startEmulator({ seed: seedFromTasks([buildTask({ projectId: 10000, fileId: 5 })]) });
    try {
      expect(em.state.tasks.get('10000/5')).toMatchObject({ taskContent: '', taskParam: '' });
      const sources = await callWithSdk(em.url, 'ListDataSources', { ProjectId: 10000, EnvType: 1 });
      const list = (sources.body.Data as { DataSources: Array<{ Name: string; DataSourceType: string }> }).DataSources;
      expect(list.map((d) => `${d.Name}:${d.DataSourceType}`)).toEqual(['mysql_pub:mysql', 'odps_first:odps']);
      const groups = await callWithSdk(em.url, 'ListResourceGroups', { ResourceGroupType: 4 });
      expect((groups.body.Data as Array<{ Identifier: string }>).map((g) => g.Identifier)).toEqual([DEFAULT_DI_RESOURCE_GROUP, 'S_res_group_1_1']);
    } finally {
      await em.close();
    }
  });
});

describe('seedNamedTaskReferences', () => {
  it('makes the workspace, group and data sources of each task given by name exist, and nothing for the others', () => {
    const state = createEmulatorState();
    seedNamedTaskReferences(state, [named({ taskParam: { ResourceGroup: 'S_named' } }), buildTask({ projectId: 40000, fileId: 9 })]);
    expect([...state.projects]).toEqual([30000]);
    expect(state.tasks.size).toBe(0);
    expect(state.resourceGroups.map((g) => g.identifier)).toEqual([DEFAULT_DI_RESOURCE_GROUP, 'S_named']);
    expect(state.dataSources.get(30000)).toEqual([
      { name: 'mysql_pub', type: 'mysql' },
      { name: 'odps_first', type: 'odps' },
    ]);
    expect(state.dataSources.has(40000)).toBe(false);
  });
});

describe('findDataSources', () => {
  it('reads parameter.datasource and each connection[].datasource, typed by the step, first mention wins', () => {
    const content: JsonObject = {
      steps: [
        { stepType: 'mysql', parameter: { datasource: 'a', connection: [{ datasource: 'b' }, { datasource: 'a' }, 'junk', { table: 't' }] } },
        { stepType: 'odps', parameter: { datasource: 'b' } },
        { parameter: { datasource: 'c' } },
        { stepType: 'hdfs', parameter: { datasource: '' } },
        { stepType: 'hdfs' },
        'not a step',
      ],
    };
    expect(findDataSources(content)).toEqual([
      { name: 'a', type: 'mysql' },
      { name: 'b', type: 'mysql' },
      { name: 'c', type: 'unknown' },
    ]);
  });

  it('finds nothing in content without a steps list', () => {
    expect(findDataSources({ steps: {} })).toEqual([]);
    expect(findDataSources([])).toEqual([]);
    expect(findDataSources('x')).toEqual([]);
  });
});
