import { afterEach, describe, expect, it } from 'vitest';
import { DATA_SOURCES_PAGE_SIZE, fetchWorkspaces } from '../../src/remote/fetch-workspaces.js';
import { sendJson, startRawServer } from '../dataworks/raw-server.js';
import { callsOf, sessionFor, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const sources = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ name: `${prefix}_${String(i).padStart(2, '0')}`, type: 'mysql' }));

describe('fetchWorkspaces', () => {
  it('reads every page of each workspace\'s datasources once (names once, sorted) and the DI resource groups once', async () => {
    // Standard mode lists each datasource twice (development and production): 60 names are 120 entries, two pages.
    const { emulator, session } = await start({
      seed: [
        { projectId: 10000, fileId: 1, dataSources: sources('b', 60).reverse() },
        { projectId: 20000, fileId: 2, dataSources: [{ name: 'odps_first', type: 'odps' }] },
      ],
      resourceGroups: ['S_g2', 'S_g1'],
    });

    const workspaces = await fetchWorkspaces([10000, 20000, 10000], session);

    expect(workspaces).toEqual({
      datasources: new Map([
        [10000, sources('b', 60).map((s) => s.name)],
        [20000, ['odps_first']],
      ]),
      resourceGroups: ['S_g1', 'S_g2'], // sorted: several workspaces' groups make one list
    });
    expect(callsOf(emulator, 'ListDataSources')).toEqual([
      { ProjectId: '10000', PageNumber: '1', PageSize: String(DATA_SOURCES_PAGE_SIZE) },
      { ProjectId: '10000', PageNumber: '2', PageSize: '100' },
      { ProjectId: '20000', PageNumber: '1', PageSize: '100' },
    ]);
    expect(callsOf(emulator, 'ListResourceGroups')).toEqual([{ ResourceGroupType: '4' }]);
  });

  it('reads at most one page beyond what the first TotalCount calls for, and stops at an empty page', async () => {
    let pages = 0;
    const server = await startRawServer((req, res) => {
      if (req.action === 'ListResourceGroups') return sendJson(res, 200, { RequestId: 'g', Success: true, Data: [] });
      const page = Number(req.params.get('PageNumber'));
      const projectId = Number(req.params.get('ProjectId'));
      pages++;
      // Project 1 keeps growing and never runs out; project 2 promises 500 names and sends one page.
      const count = projectId === 1 ? 100 : page === 1 ? 100 : 0;
      const DataSources = Array.from({ length: count }, (_, i) => ({ Name: `p${projectId}_${page}_${i}` }));
      sendJson(res, 200, { RequestId: 'r', Success: true, Data: { DataSources, TotalCount: projectId === 1 ? 150 * page : 500 } });
    });
    closers.push(server.close);

    const workspaces = await fetchWorkspaces([1, 2], sessionFor(server.url));

    expect(workspaces.datasources.get(1)).toHaveLength(300);
    expect(workspaces.datasources.get(2)).toHaveLength(100);
    expect(server.requests.filter((r) => r.action === 'ListDataSources').map((r) => `${r.params.get('ProjectId')}:${r.params.get('PageNumber')}`)).toEqual([
      '1:1',
      '1:2',
      '1:3',
      '2:1',
      '2:2',
    ]);
    expect(pages).toBe(5);
  });
});
