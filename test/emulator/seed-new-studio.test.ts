import { describe, expect, it } from 'vitest';
import { findNewStudioWorkspaces, seedNodesFromTasks } from '../../src/emulator/seed-new-studio.js';

describe('seeding new-Data-Studio workspaces', () => {
  it('reads the workspaces dwsync.yaml gives api 2024-05-18, tolerantly', () => {
    expect(findNewStudioWorkspaces({ workspaces: { '20000': { api: '2024-05-18' }, '10000': { api: '2020-05-18' }, x: { api: '2024-05-18' } } })).toEqual([20000]);
    expect(findNewStudioWorkspaces({ jobs: 'jobs' })).toEqual([]);
    expect(findNewStudioWorkspaces(null)).toEqual([]);
    expect(findNewStudioWorkspaces({ workspaces: ['20000'] })).toEqual([]);
  });

  it('gives a task of a new workspace that names its node an empty node with that id, and nothing to others', () => {
    const tasks = [
      { projectId: 20000, nodeId: '7000000000000000042' },
      { projectId: 20000, nodeId: null, name: 'by_name' },
      { projectId: 10000, nodeId: '7000000000000000043' },
    ];
    expect(seedNodesFromTasks(tasks, [20000])).toEqual([{ projectId: 20000, nodeId: '7000000000000000042' }]);
  });
});
