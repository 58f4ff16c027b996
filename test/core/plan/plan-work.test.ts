import { describe, expect, it } from 'vitest';

import { planTasks } from '../../../src/core/plan/plan-tasks.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';
import { needsCalls, planWork } from '../../../src/core/plan/plan-work.js';
import { buildTask } from '../../support/build-task.js';

const salt = 'salt';

describe('planWork', () => {
  it('updates a changed task, skips a drifted one unless forced, and leaves orphans alone', () => {
    const [fresh] = planTasks({ tasks: [buildTask({ fileId: 1 })], records: {}, salt });
    const drifted: PlannedTask = { ...fresh!, key: '10000/2', action: 'unchanged', drift: true };
    const orphan: PlannedTask = { ...fresh!, key: '10000/3', action: 'orphaned', task: null };
    expect(planWork([fresh!, drifted, orphan], { force: false }).map((item) => [item.entry.key, item.kind])).toEqual([
      ['10000/1', 'update'],
      ['10000/2', 'skip'],
    ]);
    expect(planWork([drifted], { force: true }).map((item) => item.kind)).toEqual(['update']);
  });
});

describe('needsCalls', () => {
  it('is true for a plan with something to send, or with --refresh; false for an unchanged plan', () => {
    const [fresh] = planTasks({ tasks: [buildTask({ fileId: 1 })], records: {}, salt });
    const unchanged: PlannedTask = { ...fresh!, action: 'unchanged' };
    expect(needsCalls([fresh!], { refresh: false })).toBe(true);
    expect(needsCalls([unchanged], { refresh: false })).toBe(false);
    expect(needsCalls([{ ...unchanged, undeployed: true }], { refresh: false })).toBe(true);
    expect(needsCalls([unchanged], { refresh: true })).toBe(true);
  });
});
