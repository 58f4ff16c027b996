import { taskKey, type Task } from '../task/task.js';

// namedAs: for a task declared by name and folder, its own key; the entry is then listed under the
// fileId dwsync learned for it, so import sees that DataWorks file as declared already.
export type Declared = ReadonlyMap<string, { file: string; tasksInFile: number; namedAs?: string }>;

// The tasks the task files already declare, by key, with their file and how many tasks that file
// holds: import must not write a second file for one, nor overwrite a file that holds others too.
// A task given by name and folder is also listed under `projectId/fileId` once the state knows its
// file (`fileIdOf`): a second file declaring that DataWorks file by its id would fight over it.
export function indexDeclared(tasks: readonly Task[], fileIdOf: (key: string) => number | string | undefined = () => undefined): Declared {
  const perFile = new Map<string, number>();
  for (const task of tasks) perFile.set(task.file, (perFile.get(task.file) ?? 0) + 1);
  const declared = new Map<string, { file: string; tasksInFile: number; namedAs?: string }>();
  for (const task of tasks) {
    const entry = { file: task.file, tasksInFile: perFile.get(task.file) ?? 1 };
    declared.set(task.key, entry);
    const learned = task.fileId === null && task.nodeId === undefined ? fileIdOf(task.key) : undefined;
    if (learned !== undefined) declared.set(taskKey(task.projectId, learned), { ...entry, namedAs: task.key });
  }
  return declared;
}
