import { describe, expect, it } from 'vitest';
import { describeNode } from '../../../src/core/doctor/describe-node.js';

describe('describeNode', () => {
  it('finds the resource group in the job\'s extend when the FlowSpec names no runtimeResource, and the edges under spec.flow', () => {
    const job = { type: 'job', steps: [], extend: { resourceGroup: 'S_from_extend', cu: 1 } };
    const spec = {
      version: '1.1.0',
      kind: 'Node',
      spec: {
        nodes: [{ id: '9', name: 'n', timeout: 2, script: { path: 'a/n', runtime: { command: 'DI' }, content: JSON.stringify(job), parameters: [] }, outputs: { nodeOutputs: [] } }],
        flow: [{ nodeId: '9', depends: [] }],
      },
    };
    expect(describeNode('9', JSON.stringify(spec))).toEqual({
      nodeId: '9',
      name: 'n',
      path: 'a/n',
      version: '1.1.0',
      kind: 'Node',
      jobIn: 'spec.nodes[0].script.content',
      authorKeys: ['type', 'steps'],
      serviceManagedKeys: ['extend'],
      hasExtend: true,
      extendKeys: ['resourceGroup', 'cu'],
      diResourceGroup: { value: 'S_from_extend', foundIn: 'spec.nodes[0].script.content.extend.resourceGroup' },
      schedulingFields: ['timeout', 'script.parameters', 'outputs.nodeOutputs', 'spec.flow'],
    });
  });

  it('a node without a job, a spec that is not JSON: what it does not say is null or empty', () => {
    expect(describeNode('9', JSON.stringify({ version: '2.0.0', kind: 'Node', spec: { nodes: [{ id: '9', script: {} }] } }))).toMatchObject({
      version: '2.0.0',
      jobIn: 'nowhere',
      authorKeys: [],
      hasExtend: false,
      diResourceGroup: { value: null, foundIn: 'nowhere' },
      schedulingFields: [],
    });
    expect(describeNode('9', 'not json')).toMatchObject({ name: null, path: null, version: null, kind: null, jobIn: 'nowhere', schedulingFields: [] });
  });

  it('prefers the FlowSpec runtimeResource for the resource group, and lists the trigger\'s fields and the node\'s scheduling fields that are set', () => {
    const job = { type: 'job', steps: [] };
    const node = {
      id: '9',
      trigger: { type: 'Scheduler', cron: '00 00 03 * * ?' },
      recurrence: 'Normal',
      rerunTimes: 0,
      rerunMode: null,
      runtimeResource: { resourceGroup: 'S_runtime', cu: '2' },
      script: { content: JSON.stringify({ ...job, extend: { resourceGroup: 'S_from_extend' } }) },
    };
    const report = describeNode('9', JSON.stringify({ version: '2.0.0', kind: 'Node', spec: { nodes: [node], dependencies: [] } }));
    expect(report.diResourceGroup).toEqual({ value: 'S_runtime', foundIn: 'spec.nodes[0].runtimeResource.resourceGroup' });
    expect(report.schedulingFields).toEqual(['trigger.type', 'trigger.cron', 'recurrence', 'rerunTimes', 'spec.dependencies']);
    expect(describeNode('9', JSON.stringify({ spec: { nodes: [{ id: '9', script: { content: JSON.stringify(job) } }] } }))).toMatchObject({ hasExtend: false, extendKeys: [] });
  });

  it('reads a FlowSpec that is JSON but no object without throwing', () => {
    expect(describeNode('9', '[1]')).toMatchObject({ version: null, schedulingFields: [] });
  });
});
