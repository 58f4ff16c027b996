import { describe, expect, it } from 'vitest';
import { desiredConfig, requestStrings } from '../../../src/core/plan/desired-config.js';
import { hashCanonical } from '../../../src/core/text/canonical-json.js';
import { buildTask } from '../../support/build-task.js';
import { SALT } from '../../support/state-builders.js';

type Steps = { parameter: Record<string, unknown> }[];

describe('desiredConfig', () => {
  const task = buildTask();
  const desired = desiredConfig(task, SALT);
  const passwordOf = (content: unknown) => ((content as { steps: Steps }).steps[0]!.parameter.password as string);

  it('replaces secret values with a keyed hash and keeps everything else', () => {
    expect(passwordOf(desired.taskContent)).toMatch(/^sensitive:hmac-sha256:[0-9a-f]{64}$/);
    expect({ ...(desired.taskContent as object), steps: null }).toEqual({ ...task.taskContent, steps: null });
    expect((desired.taskContent as { steps: Steps }).steps[1]).toEqual((task.taskContent.steps as Steps)[1]);
    expect(desired.taskParam).toEqual(task.taskParam);
  });

  it('does not change the task', () => {
    expect(passwordOf(task.taskContent)).toBe('hunter2');
  });

  it('hashes the redacted canonical form', () => {
    expect(desired.taskContentHash).toBe(hashCanonical(desired.taskContent));
    expect(desired.taskParamHash).toBe(hashCanonical(desired.taskParam));
  });

  it('does not depend on key order', () => {
    const reordered = buildTask({ taskParam: { Cu: 2, ResourceGroup: 'S_res_group_1_1' } });
    expect(desiredConfig(reordered, SALT).taskParamHash).toBe(desired.taskParamHash);
  });

  it('gives another hash for another secret, and for another salt', () => {
    const steps = structuredClone(task.taskContent.steps) as Steps;
    steps[0]!.parameter.password = 'hunter3';
    const changed = desiredConfig(buildTask({ taskContent: { ...task.taskContent, steps } as typeof task.taskContent }), SALT);
    expect(changed.taskContentHash).not.toBe(desired.taskContentHash);
    expect(desiredConfig(task, 'cd'.repeat(32)).taskContentHash).not.toBe(desired.taskContentHash);
  });
});

describe('requestStrings', () => {
  it('sends the author’s key order, the secret and the scheduling parameters as written', () => {
    const task = buildTask({ taskParam: { Cu: 2, ResourceGroup: 'S_res_group_1_1' } });
    const { taskContent, taskParam } = requestStrings(task);
    expect(taskParam).toBe('{"Cu":2,"ResourceGroup":"S_res_group_1_1"}');
    expect(taskContent).toBe(JSON.stringify(task.taskContent));
    expect(taskContent).toContain('"password":"hunter2"');
    expect(taskContent).toContain('"partition":"pt=${bizdate}"');
  });
});
