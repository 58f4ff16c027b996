import { describe, expect, it } from 'vitest';
import { checkImported } from '../../../src/core/import/check-imported.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';

function planned(key: string, action: PlannedTask['action'], reason?: PlannedTask['reason']): PlannedTask {
  return { key, file: `jobs/${key.replace('/', '_')}.yaml`, action, ...(reason ? { reason } : {}), taskContentPatch: [], taskParamPatch: [], api: '2020-05-18', task: null, fileId: null, nodeId: null, desired: null, lastApplied: null, deploy: false };
}

describe('checkImported', () => {
  it('is ok when every written task plans unchanged, ignoring tasks it did not write', () => {
    const plan = [planned('1/1', 'unchanged'), planned('1/2', 'unchanged'), planned('1/3', 'update', 'changed')];
    expect(checkImported(plan, new Set(['1/1', '1/2']))).toEqual({ ok: true, checked: 2, unchanged: 2, mismatches: [], problems: [] });
  });

  it('reports a written task that plans anything else, with its reason', () => {
    const plan = [planned('1/1', 'update', 'changed'), planned('1/2', 'orphaned'), planned('1/3', 'unchanged')];
    expect(checkImported(plan, new Set(['1/1', '1/2', '1/3']))).toEqual({
      ok: false,
      checked: 3,
      unchanged: 1,
      mismatches: [
        { key: '1/1', file: 'jobs/1_1.yaml', action: 'update', reason: 'changed' },
        { key: '1/2', file: 'jobs/1_2.yaml', action: 'orphaned' },
      ],
      problems: [],
    });
  });

  it('reports a written task the plan did not see as missing', () => {
    expect(checkImported([planned('1/1', 'unchanged')], new Set(['1/1', '1/9']))).toEqual({
      ok: false,
      checked: 2,
      unchanged: 1,
      mismatches: [{ key: '1/9', file: '', action: 'missing' }],
      problems: [],
    });
  });

  it('is ok with nothing written', () => {
    expect(checkImported([planned('1/1', 'update', 'new')], new Set())).toEqual({ ok: true, checked: 0, unchanged: 0, mismatches: [], problems: [] });
  });
});
