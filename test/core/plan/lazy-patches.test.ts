import { describe, expect, it } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { diffConfig, maskPatch } from '../../../src/core/plan/diff-config.js';
import { planTasks, toPlanReport } from '../../../src/core/plan/plan-tasks.js';
import { buildTask } from '../../support/build-task.js';

const salt = 'test-salt';

describe('the patches of a planned change', () => {
  const before = buildTask();
  const after = buildTask({ taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 }, taskContent: { ...before.taskContent, version: '2.1' } });
  const applied = desiredConfig(before, salt);
  const [updated] = planTasks({ tasks: [after], records: { [after.key]: { file: after.file, applied, lastAttempt: { outcome: 'applied' } } }, salt });
  const [created] = planTasks({ tasks: [buildTask({ fileId: 7 })], records: {}, salt });

  it('are the masked diff from the last applied config, or from {} when nothing was applied, every time they are read', () => {
    const desired = desiredConfig(after, salt);
    expect(updated!.taskParamPatch).toEqual([{ op: 'replace', path: '/Cu', value: 4 }]);
    expect(updated!.taskContentPatch).toEqual(maskPatch(diffConfig(applied.taskContent, desired.taskContent)));
    expect(updated!.taskContentPatch).toEqual(updated!.taskContentPatch);
    expect(created!.taskContentPatch).toEqual(maskPatch(diffConfig({}, desiredConfig(buildTask({ fileId: 7 }), salt).taskContent)));
  });

  it('look like plain fields: in the report, spread, and in JSON, in their place among the fields', () => {
    const change = toPlanReport([updated!]).changes[0]!;
    expect(Object.keys(change)).toEqual(['key', 'file', 'action', 'api', 'reason', 'taskContentPatch', 'taskParamPatch']);
    expect({ ...change }.taskParamPatch).toEqual(updated!.taskParamPatch);
    expect(JSON.parse(JSON.stringify(change))).toEqual({ ...change });
  });

  it('stay unmade in the plan report: each is made when read, and made again at the next read', () => {
    const change = toPlanReport([updated!]).changes[0]!;
    for (const field of ['taskContentPatch', 'taskParamPatch'] as const) {
      expect(Object.getOwnPropertyDescriptor(change, field)?.get).toBeTypeOf('function');
      expect(change[field]).not.toBe(change[field]); // a new array each time: nothing is held
      expect(change[field]).toEqual(updated![field]);
    }
  });

  it('are copied as plain values into the report once a value was assigned to them', () => {
    const [entry] = planTasks({ tasks: [after], records: {}, salt });
    entry!.taskParamPatch = [];
    const change = toPlanReport([entry!]).changes[0]!;
    expect(Object.getOwnPropertyDescriptor(change, 'taskParamPatch')).toMatchObject({ value: [], writable: true });
    expect(Object.getOwnPropertyDescriptor(change, 'taskContentPatch')?.get).toBeTypeOf('function');
  });

  it('take a value assigned to them, like any field', () => {
    const [entry] = planTasks({ tasks: [after], records: {}, salt });
    entry!.taskContentPatch = [];
    expect(entry!.taskContentPatch).toEqual([]);
    expect(toPlanReport([entry!]).changes[0]!.taskContentPatch).toEqual([]);
  });
});
