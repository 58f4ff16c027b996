import type { PlannedTask } from './plan-tasks.js';
import { UserInputError } from '../../errors.js';
import type { Settings } from '../config/settings.js';

// The safety valve of --prune: a plan that deletes more than --max-deletes tasks stops the run before
// any call. A renamed jobs folder or a bad --only must not wipe a workspace.
export function guardDeletes(planned: readonly PlannedTask[], settings: Pick<Settings, 'maxDeletes'>): void {
  const deletes = planned.filter((entry) => entry.action === 'delete').length;
  if (deletes <= settings.maxDeletes) return;
  throw new UserInputError(
    `--prune would delete ${deletes} ${deletes === 1 ? 'task' : 'tasks'}, more than --max-deletes ${settings.maxDeletes}: nothing was changed. ` +
      `Check the plan (dwsync plan --prune), then run again with --max-deletes ${deletes} if these deletions are wanted.`,
  );
}
