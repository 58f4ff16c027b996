import { describe, expect, it } from 'vitest';

import { planTasks } from '../../../src/core/plan/plan-tasks.js';
import { planUntouched } from '../../../src/core/plan/plan-untouched.js';
import { planWork } from '../../../src/core/plan/plan-work.js';
import { appliedRecord } from '../../../src/core/plan/build-record.js';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import type { TaskRecord } from '../../../src/core/state/state-schema.js';
import type { Task } from '../../../src/core/task/task.js';
import { buildTask } from '../../support/build-task.js';

const salt = 'salt';

function recordOf(task: Task, file = task.file): TaskRecord {
  return appliedRecord({ file, record: null, at: '2026-01-01T00:00:00.000Z', attempts: 1, desired: desiredConfig(task, salt), commit: null, requestId: 'r' });
}

describe('planUntouched', () => {
  it('reports every task apply sends nothing for as unchanged, and rewrites only the record of a moved file', () => {
    const stays = buildTask({ fileId: 1, file: 'jobs/a.yaml' });
    const moved = buildTask({ fileId: 2, file: 'jobs/new/b.yaml' });
    const changed = buildTask({ fileId: 3, file: 'jobs/c.yaml' });
    const records = { [stays.key]: recordOf(stays), [moved.key]: recordOf(moved, 'jobs/b.yaml'), [changed.key]: recordOf({ ...changed, taskParam: { ResourceGroup: 'old' } }), '10000/9': recordOf(buildTask({ fileId: 9, file: 'jobs/gone.yaml' })) };
    const planned = planTasks({ tasks: [stays, moved, changed], records, salt });

    const untouched = planUntouched(planned, planWork(planned, { force: false }), records);

    expect(untouched.results).toEqual([
      { key: stays.key, file: 'jobs/a.yaml', outcome: 'unchanged', attempts: 0 },
      { key: moved.key, file: 'jobs/new/b.yaml', outcome: 'unchanged', attempts: 0 },
    ]);
    // The moved task keeps everything it had; only the file name follows the task. The orphan is left alone.
    expect(untouched.moved).toEqual([{ key: moved.key, record: { ...records[moved.key], file: 'jobs/new/b.yaml' } }]);
    expect(records[moved.key]!.file).toBe('jobs/b.yaml');
  });
});
