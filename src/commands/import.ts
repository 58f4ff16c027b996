import { formatProblem } from '../core/problem.js';
import { UserInputError } from '../errors.js';
import { checkImported } from '../core/import/check-imported.js';
import type { ImportCheck, ImportReport, ImportResult } from '../core/import/import-report.js';
import { indexDeclared } from '../core/import/index-declared.js';
import { resolveOutFolder } from '../core/import/resolve-out-folder.js';
import { toImportReport } from '../core/import/to-import-report.js';
import type { Settings } from '../core/config/settings.js';
import { findFilesToImport } from '../remote/find-files-to-import.js';
import { fileImportReader, importLiveTasks, nodeImportReader } from '../remote/import-live-tasks.js';
import { findNodesToImport } from '../remote/find-nodes-to-import.js';
import { apiOf, DATA_STUDIO_API, LEGACY_API } from '../core/config/api-version.js';
import { explainWrongApi, isWrongApi } from '../remote/wrong-api.js';
import { rememberProjects } from '../remote/remember-projects.js';
import { withLockedStore } from '../state/with-locked-store.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { connect } from './connect.js';
import { loadTasks } from './load-tasks.js';
import { preparePlanWithSettings } from './plan.js';
import { resolveSettings } from './resolve-settings.js';

export type ImportOptions = CommandOptions & {
  projectId: number;
  fileIds?: number[]; // read just these; no listing (2020-05-18)
  nodeIds?: string[]; // likewise, nodes of a 2024-05-18 workspace
  folder?: string; // only tasks in this DataWorks folder (and below)
  out?: string; // one flat folder for every file, relative to the root, inside the jobs folder
  overwrite?: boolean;
};

// `dwsync import`: read the project's batch sync tasks, write a task file and a state record for each,
// then plan the written files and check that every one of them is unchanged. (`import` is a keyword,
// hence the name.)
export async function importTasks(options: ImportOptions, deps: CommandDeps): Promise<ImportReport> {
  const settings = await resolveSettings(options, deps.env);
  const out = options.out === undefined ? undefined : resolveOutFolder(options.out, settings);
  const { tasks } = await loadTasks({ ...settings, only: [] });
  const session = await connect(settings, deps);
  const projects = rememberProjects(session);
  const { projectId } = options;
  const onNodes = apiOf(settings.workspaces, projectId) === DATA_STUDIO_API;
  const wrongIds = onNodes ? (options.fileIds?.length ? '--file-id' : null) : options.nodeIds?.length ? '--node-id' : null;
  if (wrongIds) {
    const api = onNodes ? '2024-05-18 (give --node-id)' : `2020-05-18 (give --file-id, or set workspaces."${projectId}".api to "2024-05-18" in dwsync.yaml)`;
    throw new UserInputError(`${wrongIds} does not fit workspace ${projectId}, which speaks ${api}`);
  }

  const results = await withLockedStore(settings.statePath, { command: 'dwsync import', now: () => deps.clock.now() }, (warning) => deps.logger.warn(warning), async (store): Promise<ImportResult[]> => {
    const api = onNodes ? DATA_STUDIO_API : LEGACY_API;
    let found: Awaited<ReturnType<typeof findFilesToImport>>;
    try {
      found = onNodes
        ? await findNodesToImport(session, { projectId, nodeIds: options.nodeIds, folder: options.folder })
        : await findFilesToImport(session, { projectId, fileIds: options.fileIds, folder: options.folder });
    } catch (error) {
      // The listing is the first call: a workspace of the other generation says so here.
      throw isWrongApi(error, api) ? explainWrongApi(error, projectId, api) : error;
    }
    if (found.listed) deps.logger.info(`found ${found.files.length} batch sync ${onNodes ? 'node' : 'task'}(s) in project ${projectId}${options.folder !== undefined ? ` under ${options.folder}` : ''}`);
    const declared = indexDeclared(tasks, (key) => store.state.tasks[key]?.[onNodes ? 'nodeId' : 'fileId']);
    const input = { projectId, files: found.files, root: settings.root, jobs: settings.jobs, overwrite: options.overwrite ?? false, declared, ...(out !== undefined ? { out } : {}) };
    deps.progress?.start(input.files.length);
    const imported = await importLiveTasks(input, {
      ...session,
      clock: deps.clock,
      concurrency: settings.concurrency,
      salt: store.state.salt,
      read: onNodes ? nodeImportReader(session) : fileImportReader(session, async () => (await projects(projectId)).defaultDiResourceGroup),
      record: (key, record) => store.record(key, record),
      onResult: (result) => deps.progress?.finish(result.outcome),
    });
    return [...found.failures, ...imported];
  });
  const written = new Set(results.filter((r) => r.outcome === 'written').map((r) => r.key));
  return toImportReport(results, await checkWritten(settings, deps, written));
}

// The normal loader and planner over the whole repository, as `dwsync plan` would run them next.
async function checkWritten(settings: Settings, deps: CommandDeps, written: ReadonlySet<string>): Promise<ImportCheck> {
  if (written.size === 0) return { ok: true, checked: 0, unchanged: 0, mismatches: [], problems: [] };
  try {
    const { planned } = await preparePlanWithSettings({ ...settings, only: [], refresh: false }, deps);
    return checkImported(planned, written);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const problems = error.problems.length > 0 ? error.problems.map(formatProblem) : [error.message];
    return { ok: false, checked: written.size, unchanged: 0, mismatches: [], problems };
  }
}
