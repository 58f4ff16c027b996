import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { WorkItem } from './push-updates.js';

// What apply does with each planned task. Pure. With --refresh, a task edited outside git is left as
// it is (skipped, reason "drift") unless --force, which also restores a drifted task that git did not
// change; a task missing in DataWorks is skipped, as an update could only fail. A named task not yet
// known is found or created; with --prune, an orphan dwsync owns is deleted.
export function planWork(planned: PlannedTask[], options: { force: boolean }): WorkItem[] {
  const work: WorkItem[] = [];
  for (const entry of planned) {
    if (entry.action === 'orphaned') continue;
    if (entry.action === 'delete') work.push({ kind: 'delete', entry });
    else if (entry.action === 'create') work.push({ kind: 'create', entry });
    else if (entry.live === 'missing') work.push({ kind: 'skip', entry, reason: 'missing' });
    else if (entry.drift && !options.force) work.push({ kind: 'skip', entry, reason: 'drift' });
    else if (entry.action === 'update' || entry.drift) work.push({ kind: 'update', entry });
    else if (entry.undeployed) work.push({ kind: 'deploy', entry });
  }
  return work;
}
