import { describe, expect, it } from 'vitest';
import { buildCreateSpec, buildUpdateSpec, readNodeSpec, splitNodePath } from '../../../src/core/flowspec/node-spec.js';

describe('buildCreateSpec', () => {
  it('writes one DI node with its path, job JSON and resource group, CU as text', () => {
    const spec = JSON.parse(buildCreateSpec({ name: 'ods_users', folder: 'Workflow/ods', content: '{"type":"job"}', resourceGroup: 'S_g', cu: 2 }));
    expect(spec).toEqual({
      version: '1.1.0',
      kind: 'Node',
      spec: {
        nodes: [
          {
            name: 'ods_users',
            script: { path: 'Workflow/ods/ods_users', language: 'di', runtime: { command: 'DI' }, content: '{"type":"job"}' },
            runtimeResource: { resourceGroup: 'S_g', cu: '2' },
          },
        ],
      },
    });
  });
});

describe('buildUpdateSpec', () => {
  it('carries only the node id and the parts given', () => {
    expect(JSON.parse(buildUpdateSpec('7', { content: '{}' })).spec.nodes).toEqual([{ id: '7', script: { content: '{}' } }]);
    expect(JSON.parse(buildUpdateSpec('7', { resourceGroup: 'S_g' })).spec.nodes).toEqual([{ id: '7', runtimeResource: { resourceGroup: 'S_g' } }]);
    expect(JSON.parse(buildUpdateSpec('7', {})).spec.nodes).toEqual([{ id: '7' }]);
  });
});

describe('readNodeSpec', () => {
  it('reads back what buildCreateSpec writes', () => {
    const read = readNodeSpec(buildCreateSpec({ name: 'n', folder: 'a/b', content: '{"x":1}', resourceGroup: 'S_g', cu: 0.5 }));
    expect('dependencies' in (read.spec!['spec'] as object)).toBe(false);
    expect(read).toMatchObject({ name: 'n', path: 'a/b/n', command: 'DI', content: '{"x":1}', resourceGroup: 'S_g', cu: 0.5 });
  });

  it('reads a document that is not JSON, or has no node, as all null', () => {
    for (const text of ['', 'not json', '[]', '{"spec":{}}', '{"spec":{"nodes":[]}}']) {
      expect(readNodeSpec(text)).toMatchObject({ name: null, path: null, content: null, resourceGroup: null, cu: null, node: null });
      expect(readNodeSpec(text).spec === null, text).toBe(!text.startsWith('{'));
    }
  });

  it('ignores an empty resource group and a CU that is not a positive number', () => {
    const read = readNodeSpec(JSON.stringify({ spec: { nodes: [{ runtimeResource: { resourceGroup: '', cu: 'x' } }] } }));
    expect(read.resourceGroup).toBeNull();
    expect(read.cu).toBeNull();
  });
});

describe('splitNodePath', () => {
  it('splits at the last "/"', () => {
    expect(splitNodePath('a/b/c')).toEqual({ folder: 'a/b', name: 'c' });
    expect(splitNodePath('c')).toEqual({ folder: '', name: 'c' });
  });
});

describe('readNodeSpec, the schedule', () => {
  const node = { id: 'n1', trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' } };
  const edge = (nodeId: string, output: string) => ({ nodeId, depends: [{ type: 'Normal', output }] });

  it('reads the dependencies under spec.flow (the FlowSpec classes, the API examples) or spec.dependencies (the 2.0.0 examples), flow first', () => {
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [node], dependencies: [edge('n1', 'a')] } })).schedule).toEqual({ cron: '00 00 01 * * ?', dependsOn: ['a'] });
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [node], flow: [edge('n1', 'b')] } })).schedule).toEqual({ cron: '00 00 01 * * ?', dependsOn: ['b'] });
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [node], dependencies: [edge('n1', 'a')], flow: [edge('n1', 'b')] } })).schedule.dependsOn).toEqual(['b']);
  });

  it('skips an entry of the dependencies that is not a node id with its list of outputs', () => {
    const edges = [
      edge('n1', 'kept'),
      'x',
      null,
      { nodeId: 1, depends: [{ output: 'a' }] },
      { nodeId: 'n1', depends: 'a' },
      { nodeId: 'n1', depends: [{ output: 'b' }, { output: 2 }] },
      { nodeId: 'n1', depends: [{ output: 'c' }, 'd'] },
      { depends: [{ output: 'e' }] },
    ];
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [node], dependencies: edges } })).schedule.dependsOn).toEqual(['kept']);
  });

  it('skips a dependency whose node id is not text even for a node without an id', () => {
    const edges = [{ nodeId: 1, depends: [{ output: 'a' }] }, edge('n1', 'b')];
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [{}], dependencies: edges } })).schedule).toEqual({ dependsOn: ['b'] });
  });

  it('reads no dependencies when the spec has none, and no schedule for a spec without a node', () => {
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [node], dependencies: {} } })).schedule).toEqual({ cron: '00 00 01 * * ?' });
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [] } })).schedule).toEqual({});
  });

  it('gives the whole first node and the whole document', () => {
    const spec = { version: '1.1.0', spec: { nodes: [node, { id: 'n2' }] } };
    expect(readNodeSpec(JSON.stringify(spec))).toMatchObject({ node, spec });
  });
});

describe('readNodeSpec, the CU', () => {
  const cuOf = (cu: unknown) => readNodeSpec(JSON.stringify({ spec: { nodes: [{ runtimeResource: { resourceGroup: 'S_g', cu } }] } })).cu;

  it('reads a CU written as text or as a number', () => {
    expect(cuOf('2')).toBe(2);
    expect(cuOf(0.5)).toBe(0.5);
  });

  it('reads no CU when it is missing, empty, zero, negative or not a number', () => {
    expect(readNodeSpec(JSON.stringify({ spec: { nodes: [{ runtimeResource: { resourceGroup: 'S_g' } }] } })).cu).toBeNull();
    for (const cu of ['', '0', 0, -1, 'x', null, 'Infinity']) expect(cuOf(cu), JSON.stringify(cu)).toBeNull();
  });
});

describe('buildUpdateSpec, the dependencies', () => {
  it('sends the dependencies given as spec.flow, even none, and leaves them out when not given', () => {
    const dependencies = [{ nodeId: '7', depends: [{ type: 'Normal' as const, output: 'a' }] }];
    expect(JSON.parse(buildUpdateSpec('7', { dependencies })).spec.flow).toEqual(dependencies);
    expect(JSON.parse(buildUpdateSpec('7', { dependencies: [] })).spec.flow).toEqual([]);
    expect(Object.keys(JSON.parse(buildUpdateSpec('7', {})).spec)).toEqual(['nodes']);
  });
});

describe('splitNodePath, edge cases', () => {
  it('a path starting with "/" is a name under the empty folder', () => {
    expect(splitNodePath('/c')).toEqual({ folder: '', name: 'c' });
    expect(splitNodePath('abc')).toEqual({ folder: '', name: 'abc' });
  });
});
