import type { Problem } from '../core/problem.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { loadTasks } from './load-tasks.js';
import { resolveSettings } from './resolve-settings.js';

export type ValidateReport = { problems: Problem[]; warnings: Problem[]; files: number; tasks: number };

// No state, no network: parse and check every task file.
export async function validate(options: CommandOptions, deps: Pick<CommandDeps, 'env'>): Promise<ValidateReport> {
  const settings = await resolveSettings(options, deps.env);
  const { tasks, problems, warnings, files } = await loadTasks(settings);
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: settings.jobs, line: 1, column: 1, path: '', message: `the jobs folder ${settings.jobs}/ holds no task files: expected *.yaml or *.yml files below it` });
  }
  return { problems, warnings, files: files.length, tasks: tasks.length };
}
