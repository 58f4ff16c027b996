import type { Task } from '../task/task.js';

export type Declared = ReadonlyMap<string, { file: string; tasksInFile: number }>;

// The tasks the task files already declare, by key, with their file and how many tasks that file
// holds: import must not write a second file for one, nor overwrite a file that holds others too.
export function indexDeclared(tasks: readonly Task[]): Declared {
  const perFile = new Map<string, number>();
  for (const task of tasks) perFile.set(task.file, (perFile.get(task.file) ?? 0) + 1);
  return new Map(tasks.map((task) => [task.key, { file: task.file, tasksInFile: perFile.get(task.file) ?? 1 }]));
}
