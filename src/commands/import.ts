import path from 'node:path';

import { formatProblem } from '../core/problem.js';
import { compareKeys } from '../core/plan/plan-tasks.js';
import { UserInputError } from '../errors.js';
import { checkImported } from '../core/import/check-imported.js';
import { fetchRequestedFiles } from '../remote/fetch-requested-files.js';
import type { ImportCheck, ImportReport, ImportResult } from '../core/import/import-report.js';
import { importLiveTasks } from '../remote/import-live-tasks.js';
import type { ImportPlan } from '../remote/import-live-tasks.js';
import { isInFolder, listLiveFiles } from '../remote/list-live-files.js';
import { withLockedStore } from '../state/with-locked-store.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { connect } from './connect.js';
import { loadTasks } from './load-tasks.js';
import { preparePlan } from './plan.js';
import { resolveSettings } from './resolve-settings.js';
import type { Settings } from './resolve-settings.js';

export type ImportOptions = CommandOptions & {
  projectId: number;
  fileIds?: number[]; // read just these; no listing
  folder?: string; // only tasks in this DataWorks folder (and below)
  out?: string; // one flat folder for every file, relative to the root, inside the jobs folder
  overwrite?: boolean;
};

// `dwsync import`: read the project's batch sync tasks, write a task file and a state record for each,
// then plan the written files and check that every one of them is unchanged. (`import` is a keyword,
// hence the name.)
export async function importTasks(options: ImportOptions, deps: CommandDeps): Promise<ImportReport> {
  const settings = await resolveSettings(options, deps.env);
  const out = options.out === undefined ? undefined : resolveOut(options.out, settings);
  const declared = await findDeclared(settings);
  const { dataWorks, call } = await connect(settings, deps);

  const results = await withLockedStore(settings.statePath, { command: 'dwsync import', now: () => deps.clock.now() }, (warning) => deps.logger.warn(warning), async (store): Promise<ImportResult[]> => {
    let plan: ImportPlan = { projectId: options.projectId, files: [], root: settings.root, jobs: settings.jobs, overwrite: options.overwrite ?? false, declared, ...(out !== undefined ? { out } : {}) };
    let failures: ImportResult[] = [];
    if (options.fileIds && options.fileIds.length > 0) {
      const requested = await fetchRequestedFiles(dataWorks, options.projectId, options.fileIds, call);
      plan = { ...plan, files: requested.files };
      failures = requested.failures;
    } else {
      const listed = await listLiveFiles(dataWorks, options.projectId, call);
      const files = listed.filter((f) => options.folder === undefined || isInFolder(f.folderPath, options.folder));
      deps.logger.info(`found ${files.length} batch sync task(s) in project ${options.projectId}${options.folder !== undefined ? ` under ${options.folder}` : ''}`);
      plan = { ...plan, files: files.map((f) => ({ fileId: f.fileId, fileName: f.fileName, folderPath: f.folderPath })) };
    }
    const imported = await importLiveTasks(plan, {
      dataWorks,
      call,
      clock: deps.clock,
      concurrency: settings.concurrency,
      salt: store.state.salt,
      workspaceDefaultGroup: once(async () => (await call(() => dataWorks.getProject({ projectId: options.projectId }))).value.defaultDiResourceGroup),
      record: (key, record) => store.record(key, record),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    return [...failures, ...imported];
  });
  const written = new Set(results.filter((r) => r.outcome === 'written').map((r) => r.key));
  return toImportReport(results, await checkWritten(settings, deps, written));
}

// The normal loader and planner over the whole repository, as `dwsync plan` would run them next.
async function checkWritten(settings: Settings, deps: CommandDeps, written: ReadonlySet<string>): Promise<ImportCheck> {
  if (written.size === 0) return { ok: true, checked: 0, unchanged: 0, mismatches: [], problems: [] };
  try {
    const { planned } = await preparePlan({ root: settings.root }, deps, { ...settings, only: [], refresh: false });
    return checkImported(planned, written);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const problems = error.problems.length > 0 ? error.problems.map(formatProblem) : [error.message];
    return { ok: false, checked: written.size, unchanged: 0, mismatches: [], problems };
  }
}

// Tasks already declared in task files: import must not write a second file for them.
async function findDeclared(settings: Settings): Promise<Map<string, { file: string; tasksInFile: number }>> {
  const { tasks } = await loadTasks({ ...settings, only: [] });
  const perFile = new Map<string, number>();
  for (const task of tasks) perFile.set(task.file, (perFile.get(task.file) ?? 0) + 1);
  return new Map(tasks.map((task) => [task.key, { file: task.file, tasksInFile: perFile.get(task.file) ?? 1 }]));
}

// --out must lie inside the jobs folder: files anywhere else would never be planned.
function resolveOut(out: string, settings: Settings): string {
  const jobsAbs = path.resolve(settings.root, settings.jobs);
  const outAbs = path.resolve(settings.root, out);
  const inside = path.relative(jobsAbs, outAbs);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new UserInputError(`--out ${out} is outside the jobs folder ${settings.jobs}: expected a folder inside it, e.g. ${settings.jobs}/imported`);
  }
  return path.relative(settings.root, outAbs).split(path.sep).join('/');
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

export function toImportReport(results: ImportResult[], check: ImportCheck): ImportReport {
  const summary = { written: 0, exists: 0, failed: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { formatVersion: 1, summary, results: [...results].sort((a, b) => compareKeys(a.key, b.key)), check };
}
