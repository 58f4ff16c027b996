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

describe('planWork, one decision each', () => {
  const [fresh] = planTasks({ tasks: [buildTask({ fileId: 1 })], records: {}, salt });
  const unchanged: PlannedTask = { ...fresh!, action: 'unchanged' };
  const kindsOf = (entry: PlannedTask, force = false) => planWork([entry], { force }).map((item) => ('reason' in item ? `${item.kind}:${item.reason}` : item.kind));

  it('deletes a task planned for deletion and creates a named task not yet known', () => {
    expect(kindsOf({ ...unchanged, action: 'delete', task: null })).toEqual(['delete']);
    expect(kindsOf({ ...unchanged, action: 'create', fileId: null })).toEqual(['create']);
  });

  it('skips a task missing in DataWorks, even a changed one, even when forced', () => {
    expect(kindsOf({ ...fresh!, live: 'missing' }, true)).toEqual(['skip:missing']);
  });

  it('skips a changed task that drifted, for drift, and updates it when forced', () => {
    expect(kindsOf({ ...fresh!, drift: true })).toEqual(['skip:drift']);
    expect(kindsOf({ ...fresh!, drift: true }, true)).toEqual(['update']);
  });

  it('deploys an unchanged task whose config never reached production, and does nothing with a settled one', () => {
    expect(kindsOf({ ...unchanged, undeployed: true })).toEqual(['deploy']);
    expect(kindsOf(unchanged)).toEqual([]);
    expect(kindsOf({ ...unchanged, drift: false })).toEqual([]);
  });
});

describe('needsCalls, each action', () => {
  it('is true for a create or a delete alone, false for an orphan alone', () => {
    const [fresh] = planTasks({ tasks: [buildTask({ fileId: 1 })], records: {}, salt });
    expect(needsCalls([{ ...fresh!, action: 'create' }], { refresh: false })).toBe(true);
    expect(needsCalls([{ ...fresh!, action: 'delete' }], { refresh: false })).toBe(true);
    expect(needsCalls([{ ...fresh!, action: 'orphaned' }], { refresh: false })).toBe(false);
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

describe('needsCalls, a mixed plan', () => {
  it('is true when one task of many needs a call', () => {
    const [fresh] = planTasks({ tasks: [buildTask({ fileId: 1 })], records: {}, salt });
    expect(needsCalls([{ ...fresh!, action: 'unchanged' }, fresh!], { refresh: false })).toBe(true);
  });
});
