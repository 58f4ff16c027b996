import type { DataWorksSession } from '../ports.js';
import { detectDrift } from '../core/plan/detect-drift.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { Problem } from '../core/problem.js';
import type { Settings } from '../core/config/settings.js';
import { UserInputError } from '../errors.js';
import { apiResolver } from '../core/config/api-version.js';
import { fetchLive } from './fetch-live.js';
import { callsFor } from './calls-for.js';
import { targetOf } from './task-calls.js';
import { checkRemoteReferences } from './check-remote-references.js';

// --refresh: check every declared task's datasources and resource group against its workspace (a
// missing datasource stops the run here, before any update), then read every known task's live config
// and mark the plan with what differs from it. Warnings (unlisted resource groups) come back.
export async function refreshPlan(
  planned: PlannedTask[],
  salt: string,
  options: Pick<Settings, 'root' | 'concurrency' | 'workspaces'>,
  session: DataWorksSession,
): Promise<{ planned: PlannedTask[]; warnings: Problem[] }> {
  const tasks = planned.flatMap((entry) => (entry.task ? [entry.task] : []));
  const problems = await checkRemoteReferences(options.root, tasks, session, apiResolver(options.workspaces));
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) {
    throw new UserInputError(`${errors.length} reference(s) to datasources that do not exist in their workspace; nothing was changed`, { problems });
  }
  // A task still to be created has no live side yet.
  const refs = planned.flatMap((entry) => {
    const target = targetOf(entry);
    return entry.task && target ? [{ key: entry.key, projectId: entry.task.projectId, target, calls: callsFor(entry.api) }] : [];
  });
  const live = await fetchLive(refs, { ...session, concurrency: options.concurrency });
  return { planned: detectDrift(planned, live, salt), warnings: problems };
}
