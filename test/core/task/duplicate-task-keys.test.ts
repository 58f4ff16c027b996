import { expect, test } from 'vitest';
import { duplicateTaskKeys } from '../../../src/core/task/duplicate-task-keys.js';
import { validateTasks } from '../../../src/core/task/validate-tasks.js';
import { formatProblem } from '../../../src/core/problem.js';
import type { Task } from '../../../src/core/task/task.js';

const task = (fileId: number, file: string, line: number): Task => ({
  key: `10000/${fileId}`,
  projectId: 10000,
  fileId,
  file,
  line,
  column: 1,
  taskParam: { ResourceGroup: 'g' },
  taskContent: {},
});

test('each place of a duplicated key names the others', () => {
  const problems = duplicateTaskKeys([task(1, 'jobs/a.yaml', 1), task(2, 'jobs/a.yaml', 30), task(1, 'jobs/b.yaml', 4)]);
  expect(problems.map(formatProblem)).toEqual([
    'jobs/a.yaml:1:1: error: task 10000/1 is declared more than once: expected one document per projectId/fileId, also at jobs/b.yaml:4:1',
    'jobs/b.yaml:4:1: error: task 10000/1 is declared more than once: expected one document per projectId/fileId, also at jobs/a.yaml:1:1',
  ]);
});

test('distinct keys pass, and validateTasks runs the rules it is given, sorted', () => {
  expect(validateTasks([task(1, 'jobs/a.yaml', 1), task(2, 'jobs/b.yaml', 1)])).toEqual([]);
  const flagged = validateTasks([task(1, 'jobs/z.yaml', 1)], [(tasks) => tasks.map((t) => ({ file: t.file, line: 2, column: 1, path: '', message: 'b' })), () => [{ file: 'jobs/a.yaml', line: 1, column: 1, path: '', message: 'a' }]]);
  expect(flagged.map((p) => p.message)).toEqual(['a', 'b']);
});

test('a task given by name declared three times says so in its own terms, listing the two others', () => {
  const named = (file: string): Task => ({ ...task(1, file, 2), key: '10000/ods/users', fileId: null, name: 'users', folder: 'ods' });
  const problems = duplicateTaskKeys([named('jobs/a.yaml'), named('jobs/b.yaml'), named('jobs/c.yaml')]);
  expect(problems.map(formatProblem)[0]).toBe(
    'jobs/a.yaml:2:1: error: task 10000/ods/users is declared more than once: expected one document per projectId/folder/name, also at jobs/b.yaml:2:1, jobs/c.yaml:2:1',
  );
  expect(problems.every((p) => p.path === '')).toBe(true);
});
