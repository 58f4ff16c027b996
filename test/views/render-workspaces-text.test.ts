import { describe, expect, it } from 'vitest';
import { renderWorkspacesText } from '../../src/views/render-workspaces-text.js';

describe('renderWorkspacesText', () => {
  it('writes one tab-separated line per workspace: id, task count, state file', () => {
    const listing = {
      formatVersion: 1 as const,
      perWorkspaceState: true,
      workspaces: [
        { projectId: 10000, tasks: 7, state: '/r/.dwsync/state-10000.json' },
        { projectId: 20000, tasks: 0, state: '/r/.dwsync/state-20000.json' },
      ],
    };
    expect(renderWorkspacesText(listing)).toBe('10000\t7 task(s)\t/r/.dwsync/state-10000.json\n20000\t0 task(s)\t/r/.dwsync/state-20000.json\n');
    expect(renderWorkspacesText({ formatVersion: 1 as const, perWorkspaceState: false, workspaces: [] })).toBe('');
  });
});
