import type { PlannedTask } from './plan-tasks.js';

// What apply does with one planned task.
export type WorkItem =
  | { kind: 'create'; entry: PlannedTask } // a named task: adopt the file of that name, or create it
  | { kind: 'update'; entry: PlannedTask } // UpdateDISyncTask, then submit and deploy when the task wants it
  | { kind: 'delete'; entry: PlannedTask } // --prune: DeleteFile, then the record goes
  | { kind: 'deploy'; entry: PlannedTask } // the config is current but its last update never reached production
  | { kind: 'skip'; entry: PlannedTask; reason: string }; // e.g. drift: edited in the console, not overwritten

// What apply does with each planned task. Pure. With --refresh, a task edited outside git is left as
// it is (skipped, reason "drift") unless --force, which also restores a drifted task that git did not
// change; a task missing in DataWorks is skipped, as an update could only fail. A named task not yet
// known is found or created; with --prune, an orphan dwsync owns is deleted.
export function planWork(planned: PlannedTask[], options: { force: boolean }): WorkItem[] {
  const work: WorkItem[] = [];
  // An orphan matches none of these: it is neither changed, nor refreshed, nor deployed.
  for (const entry of planned) {
    if (entry.action === 'delete') work.push({ kind: 'delete', entry });
    else if (entry.action === 'create') work.push({ kind: 'create', entry });
    else if (entry.live === 'missing') work.push({ kind: 'skip', entry, reason: 'missing' });
    else if (entry.drift && !options.force) work.push({ kind: 'skip', entry, reason: 'drift' });
    else if (entry.action === 'update' || entry.drift) work.push({ kind: 'update', entry });
    else if (entry.undeployed) work.push({ kind: 'deploy', entry });
  }
  return work;
}

// Whether an apply of this plan calls DataWorks at all: --refresh reads every task; otherwise only a
// create, an update, a delete or a deploy left unfinished does.
export function needsCalls(planned: readonly PlannedTask[], options: { refresh: boolean }): boolean {
  return options.refresh || planned.some((entry) => entry.action === 'create' || entry.action === 'update' || entry.action === 'delete' || entry.undeployed);
}
