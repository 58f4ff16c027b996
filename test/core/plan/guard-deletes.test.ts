import { describe, expect, it } from 'vitest';

import { guardDeletes } from '../../../src/core/plan/guard-deletes.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';
import { planTasks } from '../../../src/core/plan/plan-tasks.js';
import { buildTask } from '../../support/build-task.js';

function deletes(n: number): PlannedTask[] {
  const [entry] = planTasks({ tasks: [buildTask()], records: {}, salt: 's' });
  return Array.from({ length: n }, (_, i) => ({ ...entry!, key: `10000/${i}`, action: 'delete' as const, task: null }));
}

describe('guardDeletes', () => {
  it('lets as many deletions as --max-deletes through, and stops one more before any call, saying how to go on', () => {
    expect(() => guardDeletes(deletes(3), { maxDeletes: 3 })).not.toThrow();
    expect(() => guardDeletes(deletes(4), { maxDeletes: 3 })).toThrow(
      '--prune would delete 4 tasks, more than --max-deletes 3: nothing was changed. Check the plan (dwsync plan --prune), then run again with --max-deletes 4 if these deletions are wanted.',
    );
    expect(() => guardDeletes(deletes(1), { maxDeletes: 0 })).toThrow('--prune would delete 1 task, more than --max-deletes 0');
  });
});

describe('guardDeletes counts only deletions', () => {
  it('lets any number of other actions through', () => {
    const others = deletes(5).map((entry) => ({ ...entry, action: 'update' as const }));
    expect(() => guardDeletes([...others, ...deletes(1)], { maxDeletes: 1 })).not.toThrow();
  });
});
