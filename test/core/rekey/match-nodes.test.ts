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
