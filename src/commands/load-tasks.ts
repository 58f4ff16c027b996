import type { Logger } from '../ports.js';
import { formatWarning } from '../core/problem.js';
import { UserInputError } from '../errors.js';
import type { Task } from '../core/task/task.js';
import { readTaskFiles, type TaskFiles } from '../tasks/read-task-files.js';
import type { Settings } from '../core/config/settings.js';
import { apiResolver } from '../core/config/api-version.js';

// Reads and checks every task file: per-document problems and the cross-file rules, all collected
// and sorted by readTaskFiles.
export function loadTasks(settings: Settings): Promise<TaskFiles> {
  return readTaskFiles({ root: settings.root, jobs: settings.jobs, only: settings.only, apiOf: apiResolver(settings.workspaces), threads: settings.parseThreads });
}

// The tasks of a run that will act on them: any problem refuses the whole run before anything happens.
// Warnings (located, like problems) are logged and do not stop it.
export async function loadValidTasks(settings: Settings, refusal: string, logger: Logger): Promise<Task[]> {
  const { tasks, problems, warnings } = await loadTasks(settings);
  if (problems.length > 0) throw new UserInputError(`${problems.length} problem(s) in task files; ${refusal}`, { problems });
  for (const warning of warnings) logger.info(formatWarning(warning));
  warnEmptyJobs(settings, tasks, logger);
  return tasks;
}

// No task file at all is most often the wrong folder; say so. Plan and apply go on (a repository may
// have retired its last task, and the state's records are then reported as orphans); validate refuses.
function warnEmptyJobs(settings: Settings, tasks: Task[], logger: Logger): void {
  if (tasks.length > 0) return;
  logger.warn(`the jobs folder ${settings.jobs.replace(/\/+$/, '')}/ holds no task files (*.yaml, *.yml)`);
}
