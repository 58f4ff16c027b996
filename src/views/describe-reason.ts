import type { UpdateReason } from '../core/plan/report.js';

// Why a task is updated, in words. "new" in the plan JSON means dwsync has no applied record of the
// task yet; the task itself already exists in DataWorks, and the update overwrites it.
export function describeReason(reason: UpdateReason | undefined): string {
  switch (reason) {
    case 'new':
      return 'first apply';
    case 'retry':
      return 'retry: the last attempt failed';
    default:
      return 'changed';
  }
}
