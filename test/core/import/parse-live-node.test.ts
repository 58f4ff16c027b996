import { describe, expect, it } from 'vitest';
import { parseLiveNode } from '../../../src/core/import/parse-live-node.js';
import type { LiveNode } from '../../../src/ports.js';

type NodeFields = { command?: string; content?: unknown; runtimeResource?: unknown; trigger?: unknown };

function aNode(fields: NodeFields = {}): LiveNode {
  const script: Record<string, unknown> = { path: 'ods/n', runtime: { command: fields.command ?? 'DI' } };
  if (fields.content !== undefined) script.content = fields.content;
  const node: Record<string, unknown> = { id: '700', name: 'n', script };
  if (fields.runtimeResource !== undefined) node.runtimeResource = fields.runtimeResource;
  if (fields.trigger !== undefined) node.trigger = fields.trigger;
  return { nodeId: '700', name: 'n', spec: JSON.stringify({ version: '1.1.0', kind: 'Node', spec: { nodes: [node] } }), taskId: null };
}

const JOB = '{"type":"job","version":"2.0","steps":[],"extend":{"mode":"wizard","resourceGroup":"S_content","cu":4}}';

describe('parseLiveNode', () => {
  it('takes the job from script.content without the service-managed keys, and the group and CU from runtimeResource', () => {
    expect(parseLiveNode(20000, aNode({ content: JOB, runtimeResource: { resourceGroup: 'S_spec', cu: '2' } }))).toEqual({
      ok: true,
      groupSource: 'content',
      document: { projectId: 20000, nodeId: '700', taskParam: { ResourceGroup: 'S_spec', Cu: 2 }, taskContent: { type: 'job', version: '2.0', steps: [] } },
    });
  });

  it('falls back to the group and CU the job keeps in extend where the spec gives none', () => {
    const parsed = parseLiveNode(20000, aNode({ content: JOB }));
    expect(parsed.ok && parsed.document.taskParam).toEqual({ ResourceGroup: 'S_content', Cu: 4 });
    const groupOnly = parseLiveNode(20000, aNode({ content: JOB, runtimeResource: { resourceGroup: 'S_spec' } }));
    expect(groupOnly.ok && groupOnly.document.taskParam).toEqual({ ResourceGroup: 'S_spec', Cu: 4 });
  });

  it('writes no CU when neither the spec nor the job gives one', () => {
    const parsed = parseLiveNode(20000, aNode({ content: '{"type":"job"}', runtimeResource: { resourceGroup: 'S_spec' } }));
    expect(parsed.ok && parsed.document.taskParam).toEqual({ ResourceGroup: 'S_spec' });
  });

  it('keeps the schedule the node shows, and writes none when it shows none', () => {
    const scheduled = parseLiveNode(20000, aNode({ content: JOB, trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' } }));
    expect(scheduled.ok && scheduled.document.schedule).toEqual({ cron: '00 00 01 * * ?' });
    const plain = parseLiveNode(20000, aNode({ content: JOB }));
    expect(plain.ok && 'schedule' in plain.document).toBe(false);
  });

  it('reads a node without a runtime command as a batch sync node', () => {
    const live = aNode({ content: JOB });
    const spec = JSON.parse(live.spec) as { spec: { nodes: { script: Record<string, unknown> }[] } };
    delete spec.spec.nodes[0]!.script.runtime;
    expect(parseLiveNode(20000, { ...live, spec: JSON.stringify(spec) }).ok).toBe(true);
  });

  it.each([
    [{ command: 'ODPS_SQL', content: JOB }, 'NotBatchSyncTask', 'node 700 is not a batch sync node: expected script.runtime.command DI, got ODPS_SQL'],
    [{}, 'InvalidTaskContent', 'node 700 has no job JSON in script.content: expected the job JSON of the code editor'],
    [{ content: ' ' }, 'InvalidTaskContent', 'node 700 has no job JSON in script.content: expected the job JSON of the code editor'],
    [{ content: '[1]' }, 'InvalidTaskContent', 'node 700 has a script.content that is not a JSON object: expected the job JSON'],
    [
      { content: '{"type":"job"}' },
      'ResourceGroupUnknown',
      'node 700 names no resource group (no runtimeResource.resourceGroup in its FlowSpec, no extend.resourceGroup in its job); write its task file by hand with taskParam.ResourceGroup set',
    ],
  ] as const)('refuses %j with %s, saying why', (fields, code, message) => {
    expect(parseLiveNode(20000, aNode(fields))).toEqual({ ok: false, error: { code, message } });
  });

  it('quotes the parser on a script.content that is not JSON', () => {
    const parsed = parseLiveNode(20000, aNode({ content: '{"type":' }));
    expect(parsed.ok ? null : parsed.error).toEqual({
      code: 'InvalidTaskContent',
      message: expect.stringMatching(/^node 700 has a script\.content that is not JSON \(.+\): expected the job JSON of the code editor$/) as string,
    });
  });
});
