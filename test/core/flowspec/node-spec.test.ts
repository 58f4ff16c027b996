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
    expect(read).toMatchObject({ name: 'n', path: 'a/b/n', command: 'DI', content: '{"x":1}', resourceGroup: 'S_g', cu: 0.5 });
  });

  it('reads a document that is not JSON, or has no node, as all null', () => {
    for (const text of ['', 'not json', '[]', '{"spec":{}}', '{"spec":{"nodes":[]}}']) {
      expect(readNodeSpec(text)).toMatchObject({ name: null, path: null, content: null, resourceGroup: null, cu: null, node: null });
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
