import { silentLogger, type DataWorksSession } from '../ports.js';
import { pushUpdates } from '../remote/push-updates.js';
import { rememberProjects } from '../remote/remember-projects.js';
import { formatProblem } from '../core/problem.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import { needsCalls, planWork } from '../core/plan/plan-work.js';
import type { WorkItem } from '../core/plan/plan-work.js';
import { planUntouched } from '../core/plan/plan-untouched.js';
import type { ApplyReport, ApplyResult } from '../core/plan/report.js';
import { toApplyReport } from '../core/plan/to-apply-report.js';
import { readSourceCommit } from '../git/read-source-commit.js';
import { withLockedStore } from '../state/with-locked-store.js';
import type { StateStore } from '../state/state-store.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { connect } from './connect.js';
import { guardDeletes } from '../core/plan/guard-deletes.js';
import { loadValidTasks } from './load-tasks.js';
import { planAgainst, planWorkspaces } from './plan.js';
import { refreshPlan } from '../remote/refresh-plan.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from '../core/config/settings.js';
import { forEachWorkspace } from './workspaces.js';
import type { Task } from '../core/task/task.js';

// Validate, lock the state, plan against it, push every update, record each outcome as it happens.
export async function apply(options: CommandOptions, deps: CommandDeps): Promise<ApplyReport> {
  return applyWithSettings(await resolveSettings(options, deps.env), deps);
}

// The same, for a caller that has resolved the settings already (the Action needs the state path
// first), so they are resolved once per run.
export async function applyWithSettings(settings: Settings, deps: CommandDeps): Promise<ApplyReport> {
  const tasks = await loadValidTasks(settings, 'nothing was applied', deps.logger);
  // --max-deletes counts the whole run: with one state per workspace, every workspace's deletions
  // together, before any workspace is applied. Each workspace checks its own again under its lock,
  // where the state is read again and any warning about it is said (so not here as well).
  if (settings.prune) guardDeletes((await planWorkspaces(settings, tasks, { logger: silentLogger })).flatMap((part) => part.planned), settings);
  // One workspace after another when each has its own state (workspaces.ts); a CI matrix runs them at once.
  const parts = await forEachWorkspace(settings, tasks, (scoped, scopedTasks) => applyWorkspace(scoped, scopedTasks, deps));
  return toApplyReport(parts.flat());
}

async function applyWorkspace(settings: Settings, tasks: Task[], deps: CommandDeps): Promise<ApplyResult[]> {
  return withLockedStore(settings.statePath, { command: 'dwsync apply', now: () => deps.clock.now() }, (warning) => deps.logger.warn(warning), async (store) => {
    const planned = planAgainst(tasks, store.state, settings);
    guardDeletes(planned, settings);
    return applyPlanned(planned, settings, store, deps);
  });
}

// Read (the live side, with --refresh) → plan the work (pure) → push it → record every outcome.
async function applyPlanned(planned: PlannedTask[], settings: Settings, store: StateStore, deps: CommandDeps): Promise<ApplyResult[]> {
  const session = needsCalls(planned, settings) ? await connect(settings, deps) : null;
  if (session && settings.refresh) {
    const refreshed = await refreshPlan(planned, store.state.salt, settings, session);
    for (const warning of refreshed.warnings) deps.logger.warn(formatProblem(warning));
    planned = refreshed.planned;
  }
  const work = planWork(planned, { force: settings.force });
  const untouched = planUntouched(planned, work, store.state.tasks);
  for (const { key, record } of untouched.moved) await store.record(key, record);
  if (work.length === 0 || !session) return untouched.results;
  return [...untouched.results, ...(await push(work, settings, store, session, deps))];
}

async function push(work: WorkItem[], settings: Settings, store: StateStore, session: DataWorksSession, deps: CommandDeps): Promise<ApplyResult[]> {
  const commit = await readSourceCommit(settings.root, settings.jobs, deps.logger);
  const projects = rememberProjects(session);
  deps.progress?.start(work.length);
  return pushUpdates(work, { concurrency: settings.concurrency, commit }, {
    ...session,
    clock: deps.clock,
    ...(deps.signal ? { signal: deps.signal } : {}),
    projectMode: async (projectId) => (await projects(projectId)).mode,
    recordOf: (key) => store.state.tasks[key] ?? null,
    record: (key, record) => store.record(key, record),
    remove: (key) => store.remove(key),
    onWarning: (message) => deps.logger.warn(message),
    onResult: (result) => deps.progress?.finish(result.outcome),
  });
}
