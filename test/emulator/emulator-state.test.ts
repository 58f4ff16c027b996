import { describe, expect, it } from 'vitest';
import {
  addDataSource,
  addResourceGroup,
  createEmulatorState,
  DEFAULT_DI_RESOURCE_GROUP,
  editTask,
  findTask,
  hasProject,
  listTasks,
  readTaskParamGroup,
  seedTask,
  setResourceGroups,
} from '../../src/emulator/emulator-state.js';

// What the emulator remembers, and the changes made to it outside the API (seeding, console edits).

describe('emulator state', () => {
  it('starts empty but for the default DI resource group, with the first ids to give out', () => {
    const state = createEmulatorState();
    expect(state.resourceGroups).toEqual([{ identifier: DEFAULT_DI_RESOURCE_GROUP, name: 'emulator default' }]);
    expect(state.resourceGroupsSet).toBe(false);
    expect([state.tasks.size, state.calls.length, state.faults.length, state.projects.size, state.apiCalls]).toEqual([0, 0, 0, 0, 0]);
    expect([state.nextDeploymentId, state.nextFileId]).toEqual([1_000_000_001, 900_000_001]);
  });

  it('seeds a task as deployed and unchanged, with default names, and its workspace exists', () => {
    const state = createEmulatorState();
    const task = seedTask(state, { projectId: 7, fileId: 70 }, 1234);
    expect(task).toEqual({
      projectId: 7,
      fileId: 70,
      fileName: 'di_70',
      fileFolderPath: 'Business Flow/dwsync/Data Integration',
      taskContent: '',
      taskParam: '',
      updates: 0,
      changedSinceDeploy: false,
      committed: true,
      deployed: true,
      lastModified: 1234,
    });
    expect(findTask(state, 7, 70)).toBe(task);
    expect(findTask(state, 70, 7)).toBeUndefined();
    expect(hasProject(state, 7)).toBe(true);
    expect(hasProject(state, 70)).toBe(false);
  });

  it('seeding an existing task replaces the given fields and keeps the others and its counters', () => {
    const state = createEmulatorState();
    seedTask(state, { projectId: 7, fileId: 70, fileName: 'orders', taskContent: '{"a":1}' }, 1);
    const edited = editTask(state, { projectId: 7, fileId: 70 }, { taskParam: '{}' }, 2);
    edited.updates = 3;
    const again = seedTask(state, { projectId: 7, fileId: 70, taskContent: '{"b":2}' }, 5);
    expect(again).toMatchObject({
      fileName: 'orders',
      taskContent: '{"b":2}',
      taskParam: '{}',
      updates: 3,
      changedSinceDeploy: true,
      committed: false,
      deployed: false,
      lastModified: 5,
    });
    expect(state.tasks.size).toBe(1);
  });

  it('makes the DI group a seed names exist (given, or read from its TaskParam), once, and its data sources in its workspace', () => {
    const state = createEmulatorState();
    seedTask(state, { projectId: 7, fileId: 70, resourceGroup: 'S_given', dataSources: [{ name: 'mysql_a', type: 'mysql' }] }, 0);
    seedTask(state, { projectId: 7, fileId: 71, taskParam: '{"ResourceGroup":"S_from_param"}', dataSources: [{ name: 'mysql_a', type: 'mysql' }] }, 0);
    seedTask(state, { projectId: 8, fileId: 80, taskParam: '{"ResourceGroup":"S_given"}' }, 0);
    expect(state.resourceGroups.map((g) => g.identifier)).toEqual([DEFAULT_DI_RESOURCE_GROUP, 'S_given', 'S_from_param']);
    expect(state.dataSources.get(7)).toEqual([{ name: 'mysql_a', type: 'mysql' }]);
    expect(state.dataSources.get(8)).toBeUndefined();
  });

  it('adds a group or a data source only once, and ignores a missing group', () => {
    const state = createEmulatorState();
    addResourceGroup(state, null);
    addResourceGroup(state, '');
    addResourceGroup(state, 'S_x');
    addResourceGroup(state, 'S_x');
    expect(state.resourceGroups).toEqual([{ identifier: DEFAULT_DI_RESOURCE_GROUP, name: 'emulator default' }, { identifier: 'S_x', name: 'S_x' }]);
    addDataSource(state, 1, { name: 'pg', type: 'postgresql' });
    addDataSource(state, 1, { name: 'pg', type: 'mysql' });
    expect(state.dataSources.get(1)).toEqual([{ name: 'pg', type: 'postgresql' }]);
  });

  it('setting the groups replaces the list (the default too), drops repeats, and marks the list as set', () => {
    const state = createEmulatorState();
    setResourceGroups(state, ['S_b', 'S_a', 'S_b']);
    expect(state.resourceGroups).toEqual([{ identifier: 'S_b', name: 'S_b' }, { identifier: 'S_a', name: 'S_a' }]);
    expect(state.resourceGroupsSet).toBe(true);
  });

  it('reads the DI group of a TaskParam only when it is a non-blank string in a JSON object', () => {
    expect(readTaskParamGroup('{"ResourceGroup":"S_1","Cu":2}')).toBe('S_1');
    expect(readTaskParamGroup('{"ResourceGroup":"  "}')).toBeNull();
    expect(readTaskParamGroup('{"ResourceGroup":5}')).toBeNull();
    expect(readTaskParamGroup('{}')).toBeNull();
    expect(readTaskParamGroup('not json')).toBeNull();
    expect(readTaskParamGroup('')).toBeNull();
    expect(readTaskParamGroup('null')).toBeNull();
  });

  it('a console edit changes only what it is given and marks the task changed, undeployed and uncommitted', () => {
    const state = createEmulatorState();
    seedTask(state, { projectId: 7, fileId: 70, taskContent: '{"c":1}', taskParam: '{"p":1}' }, 1);
    const task = editTask(state, { projectId: 7, fileId: 70 }, { taskContent: '{"c":2}' }, 9);
    expect(task).toMatchObject({ taskContent: '{"c":2}', taskParam: '{"p":1}', changedSinceDeploy: true, committed: false, deployed: false, lastModified: 9, updates: 0 });
  });

  it('a console edit of a task it does not know creates it first', () => {
    const state = createEmulatorState();
    const task = editTask(state, { projectId: 3, fileId: 30 }, { taskParam: '{"ResourceGroup":"S_new"}' }, 4);
    expect(findTask(state, 3, 30)).toBe(task);
    expect(task).toMatchObject({ fileName: 'di_30', taskContent: '', taskParam: '{"ResourceGroup":"S_new"}', deployed: false });
    expect(hasProject(state, 3)).toBe(true);
  });

  it('lists tasks by workspace, then by file id, whatever the seeding order', () => {
    const state = createEmulatorState();
    for (const [projectId, fileId] of [[2, 5], [1, 9], [2, 1], [1, 10]] as const) seedTask(state, { projectId, fileId }, 0);
    expect(listTasks(state).map((t) => `${t.projectId}/${t.fileId}`)).toEqual(['1/9', '1/10', '2/1', '2/5']);
  });
});
