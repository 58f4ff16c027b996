import { createLimiter } from '../apply/create-limiter.js';
import { pushUpdates } from '../apply/push-updates.js';
import { compareKeys, planTasks } from '../core/plan-tasks.js';
import type { PlannedTask } from '../core/plan-tasks.js';
import type { ApplyReport, ApplyResult } from '../core/report.js';
import { createDataWorks } from '../dataworks/create-data-works.js';
import { UserInputError } from '../errors.js';
import { readHeadCommit } from '../git/read-head-commit.js';
import { acquireLock } from '../state/lock.js';
import { openStateStore } from '../state/state-store.js';
import type { StateStore } from '../state/state-store.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { loadTasks } from './load-tasks.js';
import { onlyScope } from './only-scope.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from './resolve-settings.js';

// Validate, lock the state, plan against it, push every update, record each outcome as it happens.
export async function apply(options: CommandOptions, deps: CommandDeps): Promise<ApplyReport> {
  const settings = await resolveSettings(options, deps.env);
  const { tasks, problems } = await loadTasks(settings);
  if (problems.length > 0) {
    throw new UserInputError(`${problems.length} problem(s) in task files; nothing was applied`, { problems });
  }
  const lock = await acquireLock(settings.statePath, { command: 'dwsync apply', now: () => deps.clock.now() });
  try {
    const store = await openStateStore(settings.statePath);
    try {
      for (const warning of store.loaded.warnings) deps.logger.warn(warning);
      const planned = planTasks({ tasks, records: store.state.tasks, salt: store.state.salt, inScope: onlyScope(settings) });
      const results = await applyPlanned(planned, settings, store, deps);
      return toApplyReport(results);
    } finally {
      await store.close();
    }
  } finally {
    await lock.release();
  }
}

async function applyPlanned(planned: PlannedTask[], settings: Settings, store: StateStore, deps: CommandDeps): Promise<ApplyResult[]> {
  const updates = planned.filter((entry) => entry.action === 'update');
  const results: ApplyResult[] = [];
  for (const entry of planned) {
    if (entry.action !== 'unchanged') continue;
    results.push({ key: entry.key, file: entry.file, outcome: 'unchanged', attempts: 0 });
    const record = store.state.tasks[entry.key];
    // A task file that moved keeps its record; only the recorded file name follows it.
    if (record && record.file !== entry.file) await store.record(entry.key, { ...record, file: entry.file });
  }
  if (updates.length === 0) return results;

  const endpoint = { endpoint: settings.endpoint, region: settings.region };
  const dataWorks = (deps.createDataWorks ?? createDataWorks)(endpoint);
  const commit = await readHeadCommit(settings.root);
  const progress = { done: 0, total: updates.length, failed: 0, inFlight: 0 };
  const pushed = await pushUpdates(
    updates,
    { concurrency: settings.concurrency, commit },
    {
      dataWorks,
      clock: deps.clock,
      random: deps.random ?? Math.random,
      limiter: createLimiter(settings.qps, deps.clock),
      ...(deps.signal ? { signal: deps.signal } : {}),
      previous: (key) => store.state.tasks[key] ?? null,
      record: (key, record) => store.record(key, record),
      onResult: (result) => {
        progress.done += 1;
        if (result.outcome !== 'applied') progress.failed += 1;
        deps.onProgress?.({ ...progress });
      },
    },
  );
  return [...results, ...pushed];
}

export function toApplyReport(results: ApplyResult[]): ApplyReport {
  const summary = { applied: 0, failed: 0, unchanged: 0, skipped: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { formatVersion: 1, summary, results: [...results].sort((a, b) => compareKeys(a.key, b.key)) };
}
