import type { CallRunner } from '../apply/call-runner.js';
import { detectDrift } from '../core/detect-drift.js';
import type { PlannedTask } from '../core/plan-tasks.js';
import type { DataWorks } from '../dataworks/data-works.js';
import { fetchLive } from '../live/fetch-live.js';
import type { Settings } from './resolve-settings.js';

// --refresh: read every declared task's live config and mark the plan with what differs from it.
export async function refreshPlan(
  planned: PlannedTask[],
  salt: string,
  settings: Settings,
  session: { dataWorks: DataWorks; call: CallRunner },
): Promise<PlannedTask[]> {
  // A task still to be created has no live side yet.
  const refs = planned.flatMap((entry) => (entry.task && entry.fileId !== null ? [{ key: entry.key, projectId: entry.task.projectId, fileId: entry.fileId }] : []));
  const live = await fetchLive(refs, { ...session, concurrency: settings.concurrency });
  return detectDrift(planned, live, salt);
}
