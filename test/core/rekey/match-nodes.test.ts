import { describe, expect, it } from 'vitest';
import { matchNodes } from '../../../src/core/rekey/match-nodes.js';

const nodes = [
  { id: '7000000000000000001', name: 'ods_orders', path: 'dws/ods_orders' },
  { id: '7000000000000000002', name: 'ods_users', path: 'dws/ods_users' },
  { id: '7000000000000000003', name: 'ods_users', path: 'ods/ods_users' },
];

describe('matchNodes', () => {
  it('matches by the legacy name', () => {
    const r = matchNodes([{ fileId: 11, name: 'ods_orders' }], nodes, new Map());
    expect(r.matched).toEqual([{ fileId: 11, nodeId: '7000000000000000001', by: 'name' }]);
  });
  it('narrows a shared name by the legacy folder, else reports it ambiguous', () => {
    const r = matchNodes([{ fileId: 12, name: 'ods_users', folder: 'ods' }, { fileId: 13, name: 'ods_users' }], nodes, new Map());
    expect(r.matched).toEqual([{ fileId: 12, nodeId: '7000000000000000003', by: 'name-and-folder' }]);
    expect(r.ambiguous).toEqual([{ fileId: 13, nodeIds: ['7000000000000000002', '7000000000000000003'] }]);
  });
  it('reports unknown and unmatched names, and lets --map decide', () => {
    const map = new Map([[14, '7000000000000000002'], [15, '9']]);
    const r = matchNodes([{ fileId: 14 }, { fileId: 15 }, { fileId: 16 }, { fileId: 17, name: 'gone' }], nodes, map);
    expect(r.matched).toEqual([{ fileId: 14, nodeId: '7000000000000000002', by: 'map' }]);
    expect(r.unmatched.map((u) => u.fileId)).toEqual([15, 16, 17]);
    expect(r.unmatched[1]!.reason).toMatch(/--map/);
  });
  it('gives a node to one task only', () => {
    const r = matchNodes([{ fileId: 18, name: 'ods_orders' }, { fileId: 19, name: 'ods_orders' }], nodes, new Map());
    expect(r.matched).toEqual([]);
    expect(r.ambiguous.map((a) => a.fileId)).toEqual([18, 19]);
  });
});

describe('matchNodes, what it says and how it narrows', () => {
  it('says why a task is unmatched', () => {
    const r = matchNodes([{ fileId: 15 }, { fileId: 17, name: 'gone' }], nodes, new Map([[15, '9']]));
    expect(r.unmatched).toEqual([
      { fileId: 15, reason: 'the map names node 9, which is not a DI node of the workspace' },
      { fileId: 17, reason: 'no DI node is named "gone"' },
    ]);
  });

  it('matches a single node by name even when its folder differs', () => {
    const r = matchNodes([{ fileId: 11, name: 'ods_orders', folder: 'elsewhere' }], nodes, new Map());
    expect(r.matched).toEqual([{ fileId: 11, nodeId: '7000000000000000001', by: 'name' }]);
  });

  it('compares paths without their leading and trailing slashes', () => {
    const slashed = [{ id: '1', name: 'n', path: '//a/b/n//' }, { id: '2', name: 'n', path: 'a/n' }, { id: '3', name: 'n', path: null }];
    expect(matchNodes([{ fileId: 1, name: 'n', folder: '/a/b' }], slashed, new Map()).matched).toEqual([{ fileId: 1, nodeId: '1', by: 'name-and-folder' }]);
    expect(matchNodes([{ fileId: 2, name: 'n', folder: 'a' }], slashed, new Map()).matched).toEqual([{ fileId: 2, nodeId: '2', by: 'name-and-folder' }]);
  });

  it('reports both tasks claiming one node with that node', () => {
    const r = matchNodes([{ fileId: 18, name: 'ods_orders' }, { fileId: 19, name: 'ods_orders' }], nodes, new Map());
    expect(r.ambiguous).toEqual([
      { fileId: 18, nodeIds: ['7000000000000000001'] },
      { fileId: 19, nodeIds: ['7000000000000000001'] },
    ]);
  });
});
