import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { TaskIssue } from '../core/task/task-issue.js';
import { locateTaskPaths } from '../core/references/locate-task-paths.js';
import { compareProblems, type Problem } from '../core/problem.js';
import { formatPath } from '../core/text/format-path.js';

// Task issues as located problems (file:line:col): each task file with an issue is read again, once,
// and each path found in its document.
export async function locateTaskIssues(root: string, issues: readonly TaskIssue[]): Promise<Problem[]> {
  const byFile = new Map<string, TaskIssue[]>();
  for (const issue of issues) byFile.set(issue.task.file, [...(byFile.get(issue.task.file) ?? []), issue]);
  const problems: Problem[] = [];
  for (const [file, inFile] of byFile) {
    const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
    for (const issue of inFile) {
      const start = { line: issue.task.line, column: issue.task.column };
      const [position] = locateTaskPaths(text, start, [issue.path]);
      problems.push({
        file,
        ...(position ?? start),
        path: formatPath(issue.path),
        message: issue.message,
        ...(issue.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
  }
  return problems.sort(compareProblems);
}
