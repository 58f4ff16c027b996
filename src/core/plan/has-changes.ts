import type { PlanChange } from './report.js';

// The one meaning of "the plan has changes", for `plan --detailed-exitcode` (exit 2) and the
// Action's `has-changes` output: anything apply would act on, or that needs a person: a create, an
// update, a deletion (--prune), a task not deployed, a task edited outside git, a task missing in DataWorks.
export function needsAttention(change: Pick<PlanChange, 'action' | 'undeployed' | 'drift' | 'live'>): boolean {
  return change.action === 'update' || change.action === 'create' || change.action === 'delete' || change.undeployed === true || change.drift === true || change.live === 'missing';
}

export function hasChanges(changes: ReadonlyArray<Pick<PlanChange, 'action' | 'undeployed' | 'drift' | 'live'>>): boolean {
  return changes.some(needsAttention);
}
