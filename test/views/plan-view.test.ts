import { describe, expect, it } from 'vitest';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import { buildPlanView } from '../../src/views/plan-view.js';
import { buildChange } from '../support/build-reports.js';

const lastApplied = {
  taskContent: { steps: [{ parameter: { password: 'sensitive:hmac-sha256:abc', table: 't' } }], old: { token: 'x', n: 1 } },
  taskParam: { Cu: 1 },
  taskContentHash: 'h1',
  taskParamHash: 'h2',
};

function planned(change: Parameters<typeof buildChange>[0]): PlannedTask {
  return { ...buildChange(change), task: null, fileId: 3, nodeId: null, desired: null, lastApplied, deploy: false };
}

describe('buildPlanView', () => {
  it('counts every action and keeps only the tasks that need attention, orphans included', () => {
    const view = buildPlanView([
      planned({ key: '1/1' }),
      planned({ key: '1/2', action: 'unchanged', reason: undefined, taskContentPatch: [] }),
      planned({ key: '1/3', action: 'orphaned', reason: undefined, taskContentPatch: [] }),
    ]);
    expect(view.counts).toEqual({ create: 0, update: 1, unchanged: 1, orphaned: 1, delete: 0 });
    expect(view.entries.map((e) => e.key)).toEqual(['1/1', '1/3']);
    expect(view.hasChanges).toBe(true);
  });

  it('gives each field its old and new value, secrets masked, and drops sections without fields', () => {
    const view = buildPlanView([
      planned({
        key: '1/1',
        taskContentPatch: [
          { op: 'replace', path: '/steps/0/parameter/password', value: 'sensitive:hmac-sha256:def' },
          { op: 'replace', path: '/steps/0/parameter/table', value: 'u' },
          { op: 'remove', path: '/old' },
          { op: 'move', path: '/b', from: '/a' },
          { op: 'test', path: '/steps', value: [] },
        ],
      }),
    ]);
    const [entry] = view.entries;
    expect(entry!.sections.map((s) => s.title)).toEqual(['taskContent']);
    expect(entry!.sections[0]!.fields).toEqual([
      { op: 'replace', path: '/steps/0/parameter/password', before: '(sensitive)', after: '(sensitive)' },
      { op: 'replace', path: '/steps/0/parameter/table', before: 't', after: 'u' },
      { op: 'remove', path: '/old', before: { token: '(sensitive)', n: 1 } },
      { op: 'move', path: '/b', from: '/a' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/hmac/);
  });
});
