import { describe, expect, it } from 'vitest';
import { compareProbedNode } from '../../../src/core/doctor/compare-probed-node.js';

const spec = (version: string, job: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({ version, kind: 'Node', spec: { nodes: [{ id: '1', script: { content: JSON.stringify(job), ...more } }] } });
const job = { type: 'job', steps: [{ parameter: { password: 'pw-1' } }] };
const extended = { ...job, extend: { mode: 'wizard', resourceGroup: 'S_1' } };

describe('compareProbedNode', () => {
  it('unchanged when the service answers the same document', () => {
    expect(compareProbedNode(spec('1.1.0', extended), spec('1.1.0', extended), '1.1.0')).toEqual({
      outcome: 'unchanged',
      changes: [],
      flowSpec: { versionBefore: '1.1.0', versionSent: '1.1.0', versionAfter: '1.1.0', extend: 'kept' },
    });
  });

  it('a dropped extend shows as its own change inside the job, and is named', () => {
    const probed = compareProbedNode(spec('2.0.0', extended), spec('2.0.0', job), '1.1.0');
    expect(probed.outcome).toBe('changed');
    expect(probed.changes).toEqual([{ op: 'remove', path: '/spec/nodes/0/script/content/extend' }]);
    expect(probed.flowSpec).toEqual({ versionBefore: '2.0.0', versionSent: '1.1.0', versionAfter: '2.0.0', extend: 'dropped' });
  });

  it('an extend the service added is named; a job without one before or after is absent', () => {
    expect(compareProbedNode(spec('1.1.0', job), spec('1.1.0', extended), '1.1.0').flowSpec.extend).toBe('added');
    expect(compareProbedNode(spec('1.1.0', job), spec('1.1.0', job), '1.1.0').flowSpec.extend).toBe('absent');
  });

  it('masks a secret value the service changed, and keeps its path', () => {
    const changed = { ...job, steps: [{ parameter: { password: 'pw-2' } }] };
    const probed = compareProbedNode(spec('1.1.0', job), spec('1.1.0', changed), '1.1.0');
    expect(probed.changes).toEqual([{ op: 'replace', path: '/spec/nodes/0/script/content/steps/0/parameter/password', value: '(sensitive)' }]);
    expect(JSON.stringify(probed)).not.toContain('pw-2');
  });

  it('a version the service rewrote, and a field it added to the node', () => {
    const probed = compareProbedNode(spec('2.0.0', job), spec('1.1.0', job, { language: 'di' }), '1.1.0');
    expect(probed.changes).toEqual([
      { op: 'add', path: '/spec/nodes/0/script/language', value: 'di' },
      { op: 'replace', path: '/version', value: '1.1.0' },
    ]);
  });
});

describe('compareProbedNode, a job that is not JSON', () => {
  it('shows its length, never its text', () => {
    const text = (content: string) => JSON.stringify({ version: '1.1.0', kind: 'Node', spec: { nodes: [{ id: '1', script: { content } }] } });
    const probed = compareProbedNode(text('password=pw-1'), text('password=pw-22'), '1.1.0');
    expect(probed.changes).toEqual([{ op: 'replace', path: '/spec/nodes/0/script/content', value: '(not JSON: 14 characters)' }]);
    expect(JSON.stringify(probed)).not.toContain('pw-');
  });

  it('compares what it can of answers that are not the FlowSpec it expects, without throwing', () => {
    // Not JSON: compared as text, no version.
    const text = compareProbedNode('not json', 'not json either', '1.1.0');
    expect(text.outcome).toBe('changed');
    expect(text.flowSpec).toEqual({ versionBefore: null, versionSent: '1.1.0', versionAfter: null, extend: 'absent' });
    // JSON without spec.nodes, or with nodes that hold no script content: compared as they are.
    const bare = JSON.stringify({ version: 2 });
    expect(compareProbedNode(bare, bare, '1.1.0')).toEqual({
      outcome: 'unchanged',
      changes: [],
      flowSpec: { versionBefore: null, versionSent: '1.1.0', versionAfter: null, extend: 'absent' },
    });
    const odd = (content: unknown) => JSON.stringify({ version: '1.1.0', spec: { nodes: [5, { id: 'a' }, { script: 'x' }, { script: { content } }] } });
    const probed = compareProbedNode(odd(7), odd(8), '1.1.0');
    expect(probed.changes).toEqual([{ op: 'replace', path: '/spec/nodes/3/script/content', value: 8 }]);
    expect(probed.flowSpec.versionBefore).toBe('1.1.0');
  });
});
