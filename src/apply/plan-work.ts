import type { PlannedTask } from '../core/plan-tasks.js';
import type { WorkItem } from './push-updates.js';

// What apply does with each planned task. Pure. With --refresh, a task edited outside git is left as
// it is (skipped, reason "drift") unless --force, which also restores a drifted task that git did not
// change; a task missing in DataWorks is skipped, as an update could only fail.
export function planWork(planned: PlannedTask[], options: { force: boolean }): WorkItem[] {
  const work: WorkItem[] = [];
  for (const entry of planned) {
    if (entry.action === 'orphaned') continue;
    if (entry.live === 'missing') work.push({ kind: 'skip', entry, reason: 'missing' });
    else if (entry.drift && !options.force) work.push({ kind: 'skip', entry, reason: 'drift' });
    else if (entry.action === 'update' || entry.drift) work.push({ kind: 'update', entry });
    else if (entry.undeployed) work.push({ kind: 'deploy', entry });
  }
  return work;
}
