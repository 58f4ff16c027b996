import { describe, expect, it } from 'vitest';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import type { PlanChange } from '../../src/core/plan/report.js';
import { buildPlanView } from '../../src/views/plan-view.js';
import { renderFieldDiff, renderFieldLines } from '../../src/views/render-field-diff.js';
import { buildChange } from '../support/build-reports.js';

const previous = {
  taskContent: { setting: { speed: { concurrent: 2 } }, steps: [{ parameter: { password: 'sensitive:hmac-sha256:abc' } }], note: 'old' },
  taskParam: { ResourceGroup: 'S_old', Cu: 1, Old: 'x' },
  taskContentHash: 'h1',
  taskParamHash: 'h2',
};

function planned(change: PlanChange): PlannedTask {
  return { ...change, task: null, fileId: null, nodeId: null, desired: null, lastApplied: change.reason !== 'new' ? previous : null, deploy: false };
}

describe('renderFieldDiff', () => {
  it('marks additions, replacements (old → new) and removals (with the old value), objects pretty-printed', () => {
    const view = buildPlanView([
      planned(
        buildChange({
          key: '1/1',
          taskContentPatch: [],
          taskParamPatch: [
            { op: 'add', path: '/New', value: 2 },
            { op: 'replace', path: '/ResourceGroup', value: 'S_new' },
            { op: 'remove', path: '/Old' },
            { op: 'add', path: '/obj', value: { a: 1 } },
          ],
        }),
      ),
    ]);
    expect(renderFieldDiff(view.entries[0]!.sections[0]!)).toEqual([
      '+ taskParam.New: 2',
      '! taskParam.ResourceGroup: "S_old" → "S_new"',
      '- taskParam.Old: "x"',
      '+ taskParam.obj: {',
      '+     "a": 1',
      '+   }',
    ]);
  });

  it('says where a moved or copied field came from, and roots live sections under "live."', () => {
    const view = buildPlanView([
      planned(
        buildChange({
          key: '1/1',
          drift: true,
          taskContentPatch: [{ op: 'copy', path: '/b', from: '/note' }],
          liveContentPatch: [{ op: 'move', path: '/steps/1', from: '/steps/0' }],
        }),
      ),
    ]);
    const [desired, live] = view.entries[0]!.sections;
    expect(renderFieldDiff(desired!)).toEqual(['! taskContent.b: copy from taskContent.note']);
    expect(renderFieldLines(live!)).toEqual([{ op: 'move', text: '! live.taskContent.steps[1]: move from live.taskContent.steps[0]' }]);
  });

  it('shows values under secret-looking keys as (sensitive), old and new, nested ones too', () => {
    const view = buildPlanView([
      planned(
        buildChange({
          key: '1/1',
          taskContentPatch: [
            { op: 'replace', path: '/steps/0/parameter/password', value: 'sensitive:hmac-sha256:def' },
            { op: 'add', path: '/steps/1', value: { parameter: { accessKey: 'AKID', table: 't' } } },
          ],
        }),
      ),
    ]);
    const lines = renderFieldDiff(view.entries[0]!.sections[0]!);
    expect(lines.join('\n')).not.toMatch(/hmac|AKID/);
    expect(lines[0]).toBe('! taskContent.steps[0].parameter.password: "(sensitive)" → "(sensitive)"');
    expect(lines.join('\n')).toContain('"accessKey": "(sensitive)"');
  });
});
