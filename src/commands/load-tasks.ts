import { compareProblems } from '../core/problem.js';
import type { Problem } from '../core/problem.js';
import type { Task } from '../core/task.js';
import { validateTasks } from '../core/validate-tasks.js';
import { readTaskFiles } from '../tasks/read-task-files.js';
import type { Settings } from './resolve-settings.js';

export type LoadedTasks = { tasks: Task[]; problems: Problem[]; files: string[] };

// Reads and checks every task file: per-document problems and the cross-file rules, all collected.
export async function loadTasks(settings: Settings): Promise<LoadedTasks> {
  const { tasks, problems, files } = await readTaskFiles({ root: settings.root, jobsDir: settings.jobs, only: settings.only });
  const all = [...problems, ...validateTasks(tasks)].sort(compareProblems);
  return { tasks, problems: all, files };
}
