import { planTasks, toPlanReport } from '../core/plan-tasks.js';
import type { PlannedTask } from '../core/plan-tasks.js';
import { formatProblem, type Problem } from '../core/problem.js';
import type { PlanReport } from '../core/report.js';
import type { Task } from '../core/task.js';
import { readState } from '../state/read-state.js';
import type { StateFile } from '../state/state-schema.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { loadValidTasks } from './load-tasks.js';
import { connect } from './connect.js';
import { guardDeletes } from './guard-deletes.js';
import { onlyScope } from './only-scope.js';
import { refreshPlan } from './refresh-plan.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from './resolve-settings.js';

// warnings: with --refresh, resource groups DataWorks does not list (located, for annotations).
export type PreparedPlan = { settings: Settings; state: StateFile; planned: PlannedTask[]; warnings: Problem[] };

// Settings, valid task files, the state (journal folded in memory), the plan, and with --refresh the
// live side. Never writes anything.
export async function preparePlan(options: CommandOptions, deps: CommandDeps): Promise<PreparedPlan> {
  const settings = await resolveSettings(options, deps.env);
  const tasks = await loadValidTasks(settings, 'nothing was planned', deps.logger);
  const loaded = await readState(settings.statePath);
  for (const warning of loaded.warnings) deps.logger.warn(warning);
  const planned = planAgainst(tasks, loaded.state, settings);
  guardDeletes(planned, settings);
  if (!settings.refresh) return { settings, state: loaded.state, planned, warnings: [] };
  const refreshed = await refreshPlan(planned, loaded.state.salt, settings, await connect(settings, deps));
  return { settings, state: loaded.state, ...refreshed };
}

// The plan of these tasks against a state, as the settings scope it (--only, the deploy default).
export function planAgainst(tasks: Task[], state: StateFile, settings: Settings): PlannedTask[] {
  return planTasks({ tasks, records: state.tasks, salt: state.salt, inScope: onlyScope(settings), deploy: settings.deploy, prune: settings.prune });
}

export async function plan(options: CommandOptions, deps: CommandDeps): Promise<PlanReport> {
  const { planned, settings, warnings } = await preparePlan(options, deps);
  for (const warning of warnings) deps.logger.warn(formatProblem(warning));
  return toPlanReport(planned, { prune: settings.prune });
}
