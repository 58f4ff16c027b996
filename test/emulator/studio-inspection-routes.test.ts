import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { mergeDeep } from '../../src/emulator/flow-spec.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ nodes: [{ projectId: 20000, nodeId: '7000000000000000042', name: 'ods_a' }] });
});
afterAll(() => emulator.close());

describe('/__emulator/nodes', () => {
  it('lists the nodes with their last accepted FlowSpec as JSON text', async () => {
    const nodes = (await (await fetch(`${emulator.url}/__emulator/nodes`)).json()) as Array<Record<string, unknown>>;
    expect(nodes).toEqual([
      { projectId: 20000, id: '7000000000000000042', scene: 'DATAWORKS_PROJECT', spec: expect.any(String), updates: 0, deployed: false, taskId: null },
    ]);
    expect(JSON.parse(nodes[0]!.spec as string)).toMatchObject({ kind: 'Node', spec: { nodes: [{ id: '7000000000000000042', name: 'ods_a', script: { runtime: { command: 'DI' } } }] } });
  });

  it('replaces a node\'s spec as a console edit would, and refuses a Spec that is not a Node', async () => {
    const spec = JSON.stringify({ version: '2.0.0', kind: 'Node', spec: { nodes: [{ id: '7000000000000000042', name: 'ods_a', script: { content: 'edited' } }] } });
    const res = await fetch(`${emulator.url}/__emulator/nodes/20000/7000000000000000042`, { method: 'PUT', body: JSON.stringify({ spec }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(emulator.state.studio.nodes.get('20000/7000000000000000042') ? JSON.stringify(emulator.state.studio.nodes.get('20000/7000000000000000042')!.spec) : '')).toEqual(JSON.parse(spec));
    const bad = await fetch(`${emulator.url}/__emulator/nodes/20000/7000000000000000042`, { method: 'PUT', body: JSON.stringify({ spec: '{"kind":"CycleWorkflow","spec":{}}' }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${emulator.url}/__emulator/nodes/20000/1`, { method: 'PUT', body: JSON.stringify({ spec }) })).status).toBe(404);
  });
});

describe('mergeDeep (UpdateNode)', () => {
  it('merges objects key by key and replaces arrays and scalars', () => {
    expect(mergeDeep({ a: { b: 1, c: [1, 2] }, s: 'x' }, { a: { c: [3] }, s: 'y', n: 1 })).toEqual({ a: { b: 1, c: [3] }, s: 'y', n: 1 });
  });
});
