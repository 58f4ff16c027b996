import type { Problem } from '../problem.js';
import type { Task } from './task.js';

// Two documents declaring the same projectId/fileId (or projectId/folder/name) would fight over one
// DataWorks task.
// Each place gets a problem that names the other(s), so either can be fixed first.
export function duplicateTaskKeys(tasks: readonly Task[]): Problem[] {
  const byKey = new Map<string, Task[]>();
  for (const task of tasks) {
    const same = byKey.get(task.key);
    if (same) same.push(task);
    else byKey.set(task.key, [task]);
  }
  const problems: Problem[] = [];
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    for (const task of same) {
      const others = same.filter((t) => t !== task).map((t) => `${t.file}:${t.line}:${t.column}`);
      problems.push({
        file: task.file,
        line: task.line,
        column: task.column,
        path: '',
        message: `task ${key} is declared more than once: expected one document per ${key.split('/').length === 2 ? 'projectId/fileId' : 'projectId/folder/name'}, also at ${others.join(', ')}`,
      });
    }
  }
  return problems;
}
