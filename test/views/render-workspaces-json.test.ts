import { describe, expect, it } from 'vitest';
import { renderWorkspacesJson } from '../../src/views/render-workspaces-json.js';

describe('renderWorkspacesJson', () => {
  it('prints one line a CI matrix can read', () => {
    const listing = { formatVersion: 1 as const, perWorkspaceState: false, workspaces: [{ projectId: 10000, tasks: 7, state: '/r/.dwsync/state.json' }] };
    expect(renderWorkspacesJson(listing)).toBe(
      '{"formatVersion":1,"perWorkspaceState":false,"workspaces":[{"projectId":10000,"tasks":7,"state":"/r/.dwsync/state.json"}]}\n',
    );
  });
});
