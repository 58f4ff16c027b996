// Writes the state file an apply of every task would leave (each task applied), using the product's
// own code, so the everyday plan (state present) can be measured without a long apply first.
import { appliedRecord } from '../../build/core/build-record.js';
import { desiredConfig } from '../../build/core/desired-config.js';
import { newStateIdentity } from '../../build/state/read-state.js';
import { createState } from '../../build/state/state-schema.js';
import { writeState } from '../../build/state/write-state.js';
import { readTaskFiles } from '../../build/tasks/read-task-files.js';

export async function seedAppliedState(root, statePath) {
  const { tasks, problems } = await readTaskFiles({ root, jobsDir: 'jobs' });
  if (problems.length > 0) throw new Error(`generated task files are invalid: ${problems[0].message}`);
  const state = createState(newStateIdentity());
  const at = '2026-01-01T00:00:00.000Z';
  for (const task of tasks) {
    const desired = desiredConfig(task, state.salt);
    state.tasks[task.key] = appliedRecord({ file: task.file, previous: null, at, attempts: 1, desired, commit: null, requestId: 'bench' });
  }
  await writeState(statePath, state);
  return tasks.length;
}
