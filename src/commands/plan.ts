import { compareKeys, planTasks, toPlanReport } from '../core/plan/plan-tasks.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import { formatProblem, type Problem } from '../core/problem.js';
import type { PlanReport } from '../core/plan/report.js';
import type { Task } from '../core/task/task.js';
import { readState } from '../state/read-state.js';
import type { State } from '../core/state/state-schema.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { loadValidTasks } from './load-tasks.js';
import { apiResolver } from '../core/config/api-version.js';
import { guardDeletes } from '../core/plan/guard-deletes.js';
import { onlyScope } from '../core/plan/only-scope.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from '../core/config/settings.js';
import { forEachWorkspace, isKeyInWorkspace } from './workspaces.js';

// warnings: with --refresh, resource groups DataWorks does not list (located, for annotations).
export type PreparedPlan = { settings: Settings; states: State[]; planned: PlannedTask[]; warnings: Problem[] };

// Settings, valid task files, the state (journal folded in memory), the plan, and with --refresh the
// live side; per workspace when the state is (workspaces.ts). Never writes anything.
export async function preparePlan(options: CommandOptions, deps: CommandDeps): Promise<PreparedPlan> {
  return preparePlanWithSettings(await resolveSettings(options, deps.env), deps);
}

// The same, for a caller that has resolved the settings already (import, checking what it wrote), so
// they are resolved once per run.
export async function preparePlanWithSettings(settings: Settings, deps: CommandDeps): Promise<PreparedPlan> {
  const tasks = await loadValidTasks(settings, 'nothing was planned', deps.logger);
  const parts = await planWorkspaces(settings, tasks, deps);
  // --max-deletes counts the whole run, every workspace together, before any call (--refresh calls).
  guardDeletes(parts.flatMap((part) => part.planned), settings);
  // One workspace after another, as before the guard: each refresh has its own call runner, so
  // running them at once would add their rates up past the ceiling.
  const refreshed: Array<{ planned: PlannedTask[]; warnings: Problem[] }> = [];
  // Only --refresh calls DataWorks: a plan without it does not load the client and its call pipeline
  // (about 30 modules, their startup time and a few megabytes of memory).
  const remote = settings.refresh ? await loadRefresh() : null;
  for (const part of parts) {
    if (remote === null) refreshed.push({ planned: part.planned, warnings: [] });
    else refreshed.push(await remote.refreshPlan(part.planned, part.state.salt, part.settings, await remote.connect(part.settings, deps)));
  }
  const planned = refreshed.flatMap((part) => part.planned).sort((a, b) => compareKeys(a.key, b.key));
  return { settings, states: parts.map((part) => part.state), planned, warnings: refreshed.flatMap((part) => part.warnings) };
}

export type WorkspacePlan = { settings: Settings; state: State; planned: PlannedTask[] };

// Each workspace's plan against its state as it is on disk (journal folded in memory), with no lock
// and no call: what plan shows, and what apply counts deletions over before it locks anything.
export async function planWorkspaces(settings: Settings, tasks: Task[], deps: Pick<CommandDeps, 'logger'>): Promise<WorkspacePlan[]> {
  return forEachWorkspace(settings, tasks, async (scoped, scopedTasks) => {
    const loaded = await readState(scoped.statePath);
    for (const warning of loaded.warnings) deps.logger.warn(warning);
    return { settings: scoped, state: loaded.state, planned: planAgainst(scopedTasks, loaded.state, scoped) };
  });
}

// The plan of these tasks against a state, as the settings scope it (--only, --workspace, the deploy default).
export function planAgainst(tasks: Task[], state: State, settings: Settings): PlannedTask[] {
  const records = settings.workspace === null ? state.tasks : recordsIn(state.tasks, settings.workspace);
  return planTasks({
    tasks,
    records,
    salt: state.salt,
    inScope: onlyScope(settings),
    deploy: settings.deploy,
    prune: settings.prune,
    apiOf: apiResolver(settings.workspaces),
  });
}

export async function plan(options: CommandOptions, deps: CommandDeps): Promise<PlanReport> {
  const { planned, settings, warnings } = await preparePlan(options, deps);
  for (const warning of warnings) deps.logger.warn(formatProblem(warning));
  return toPlanReport(planned, { prune: settings.prune });
}

function recordsIn(records: State['tasks'], workspace: number): State['tasks'] {
  const scoped: State['tasks'] = {};
  for (const [key, record] of Object.entries(records)) if (isKeyInWorkspace(key, workspace)) scoped[key] = record;
  return scoped;
}

async function loadRefresh() {
  const [{ connect }, { refreshPlan }] = await Promise.all([import('./connect.js'), import('../remote/refresh-plan.js')]);
  return { connect, refreshPlan };
}
