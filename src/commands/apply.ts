import type { CallRunner, DataWorks, ProjectMode } from '../ports.js';
import { planWork } from '../remote/plan-work.js';
import { pushUpdates } from '../remote/push-updates.js';
import { compareKeys } from '../core/plan/plan-tasks.js';
import { formatProblem } from '../core/problem.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { ApplyReport, ApplyResult } from '../core/plan/report.js';
import { readSourceCommit } from '../git/read-source-commit.js';
import { withLockedStore } from '../state/with-locked-store.js';
import type { StateStore } from '../state/state-store.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { connect } from './connect.js';
import { guardDeletes } from './guard-deletes.js';
import { loadValidTasks } from './load-tasks.js';
import { planAgainst } from './plan.js';
import { refreshPlan } from './refresh-plan.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from './resolve-settings.js';
import { forEachWorkspace } from './workspaces.js';
import type { Task } from '../core/task/task.js';

// Validate, lock the state, plan against it, push every update, record each outcome as it happens.
// The Action resolves the settings first (it needs the state path) and passes them in.
export async function apply(options: CommandOptions, deps: CommandDeps, resolved?: Settings): Promise<ApplyReport> {
  const settings = resolved ?? (await resolveSettings(options, deps.env));
  const tasks = await loadValidTasks(settings, 'nothing was applied', deps.logger);
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

async function applyPlanned(planned: PlannedTask[], settings: Settings, store: StateStore, deps: CommandDeps): Promise<ApplyResult[]> {
  const acts = new Set(['create', 'update', 'delete']);
  const needsCalls = settings.refresh || planned.some((entry) => acts.has(entry.action) || entry.undeployed);
  let session: { dataWorks: DataWorks; call: CallRunner } | null = null;
  if (needsCalls) {
    session = await connect(settings, deps);
    if (settings.refresh) {
      const refreshed = await refreshPlan(planned, store.state.salt, settings, session);
      for (const warning of refreshed.warnings) deps.logger.warn(formatProblem(warning));
      planned = refreshed.planned;
    }
  }
  const work = planWork(planned, { force: settings.force });
  const touched = new Set(work.map((item) => item.entry.key));
  const results: ApplyResult[] = [];
  for (const entry of planned) {
    if (entry.action === 'orphaned' || entry.action === 'delete' || touched.has(entry.key)) continue;
    results.push({ key: entry.key, file: entry.file, outcome: 'unchanged', attempts: 0 });
    const record = store.state.tasks[entry.key];
    // A task file that moved keeps its record; only the recorded file name follows it.
    if (record && record.file !== entry.file) await store.record(entry.key, { ...record, file: entry.file });
  }
  if (work.length === 0 || !session) return results;

  const commit = await readSourceCommit(settings.root, settings.jobs, deps.logger);
  const modes = new Map<number, Promise<ProjectMode>>();
  const projectMode = (projectId: number) => {
    if (!modes.has(projectId)) modes.set(projectId, session.call(() => session.dataWorks.getProject({ projectId })).then((r) => r.value.mode));
    return modes.get(projectId)!;
  };
  const progress = { done: 0, total: work.length, failed: 0 };
  const pushed = await pushUpdates(work, { concurrency: settings.concurrency, commit }, {
    ...session,
    clock: deps.clock,
    ...(deps.signal ? { signal: deps.signal } : {}),
    projectMode,
    recordOf: (key) => store.state.tasks[key] ?? null,
    record: (key, record) => store.record(key, record),
    onWarning: (message) => deps.logger.warn(message),
    remove: (key) => store.remove(key),
    onResult: (result) => {
      progress.done += 1;
      if (result.outcome === 'failed' || result.outcome === 'skipped') progress.failed += 1;
      deps.onProgress?.({ ...progress });
    },
  });
  return [...results, ...pushed];
}

export function toApplyReport(results: ApplyResult[]): ApplyReport {
  const summary = { created: 0, applied: 0, deleted: 0, failed: 0, unchanged: 0, skipped: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { formatVersion: 1, summary, results: [...results].sort((a, b) => compareKeys(a.key, b.key)) };
}
