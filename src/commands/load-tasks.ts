import type { Problem } from '../core/problem.js';
import { UserInputError } from '../errors.js';
import type { Task } from '../core/task.js';
import { readTaskFiles } from '../tasks/read-task-files.js';
import type { Settings } from './resolve-settings.js';

export type LoadedTasks = { tasks: Task[]; problems: Problem[]; files: string[] };

// Reads and checks every task file: per-document problems and the cross-file rules, all collected
// and sorted by readTaskFiles.
export function loadTasks(settings: Settings): Promise<LoadedTasks> {
  return readTaskFiles({ root: settings.root, jobsDir: settings.jobs, only: settings.only });
}

// The tasks of a run that will act on them: any problem refuses the whole run before anything happens.
export async function loadValidTasks(settings: Settings, refusal: string): Promise<Task[]> {
  const { tasks, problems } = await loadTasks(settings);
  if (problems.length > 0) throw new UserInputError(`${problems.length} problem(s) in task files; ${refusal}`, { problems });
  return tasks;
}
