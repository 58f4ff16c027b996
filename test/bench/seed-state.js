// Writes the state file an apply of every task would leave (each task applied), using the product's
// own code, so the everyday plan (state present) can be measured without a long apply first. Each
// record carries a commit and a request id of real length, as one from the Action would. Returns the
// number of tasks, the state's size, and the size of the configs it records as compact canonical JSON
// (what the state's size budget is set against).
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { appliedRecord } from '../../build/core/plan/build-record.js';
import { canonicalJson } from '../../build/core/text/canonical-json.js';
import { desiredConfig } from '../../build/core/plan/desired-config.js';
import { newStateIdentity } from '../../build/state/read-state.js';
import { createState } from '../../build/core/state/state-schema.js';
import { writeState } from '../../build/state/write-state.js';
import { readTaskFiles } from '../../build/tasks/read-task-files.js';

export async function seedAppliedState(root, statePath) {
  const { tasks, problems } = await readTaskFiles({ root, jobs: 'jobs' });
  if (problems.length > 0) throw new Error(`generated task files are invalid: ${problems[0].message}`);
  const state = createState(newStateIdentity());
  const at = '2026-01-01T00:00:00.000Z';
  const commit = createHash('sha1').update('bench').digest('hex');
  let configBytes = 0;
  for (const [i, task] of tasks.entries()) {
    const desired = desiredConfig(task, state.salt);
    configBytes += canonicalJson(desired.taskContent).length + canonicalJson(desired.taskParam).length;
    const requestId = _uuid(i);
    state.tasks[task.key] = appliedRecord({ file: task.file, previous: null, at, attempts: 1, desired, commit, requestId });
  }
  await writeState(statePath, state);
  return { count: tasks.length, stateBytes: (await stat(statePath)).size, configBytes };
}

function _uuid(i) {
  const hex = createHash('md5').update(String(i)).digest('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
