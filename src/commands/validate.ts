import type { ValidateReport } from '../core/task/validate-report.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { InternalError } from '../errors.js';
import { connect } from './connect.js';
import { loadTasks } from './load-tasks.js';
import { apiResolver } from '../core/config/api-version.js';
import { resolveSettings } from './resolve-settings.js';
import { inWorkspace } from './workspaces.js';

export type ValidateOptions = CommandOptions & { remote?: boolean }; // --remote: also check against the workspaces

// Parse and check every task file: no state, and no network unless --remote, which then checks the
// valid files' datasources and resource groups against their workspaces. --workspace keeps the
// count and the --remote check to that workspace's tasks; every file is still checked, since a file
// that does not parse cannot say which workspace it belongs to.
export async function validate(options: ValidateOptions, deps: CommandDeps | Pick<CommandDeps, 'env'>): Promise<ValidateReport> {
  const settings = await resolveSettings(options, deps.env);
  const loaded = await loadTasks(settings);
  const { problems, warnings } = loaded;
  const tasks = inWorkspace(loaded.tasks, settings);
  const files = settings.workspace === null ? loaded.files : [...new Set(tasks.map((task) => task.file))];
  if (loaded.files.length === 0 && problems.length === 0) {
    problems.push({ file: settings.jobs, line: 1, column: 1, path: '', message: `the jobs folder ${settings.jobs}/ holds no task files: expected *.yaml or *.yml files below it` });
  }
  if (options.remote && problems.length === 0 && tasks.length > 0) {
    if (!('clock' in deps)) throw new InternalError('validate --remote needs the clock and logger of a run');
    const { checkRemoteReferences } = await import('../remote/check-remote-references.js');
    // A missing datasource is an error; a resource group DataWorks does not list only a warning.
    for (const found of await checkRemoteReferences(settings.root, tasks, await connect(settings, deps), apiResolver(settings.workspaces))) {
      (found.severity === 'warning' ? warnings : problems).push(found);
    }
  }
  return { problems, warnings, files: files.length, tasks: tasks.length };
}
