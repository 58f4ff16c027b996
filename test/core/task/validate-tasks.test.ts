import { describe, expect, it } from 'vitest';
import { validateTasks } from '../../../src/core/task/validate-tasks.js';
import type { Problem } from '../../../src/core/problem.js';
import { buildTask } from '../../support/build-task.js';

const problem = (file: string, line: number, message: string): Problem => ({ file, line, column: 1, path: '', message });

describe('validateTasks', () => {
  it('runs every rule over all tasks and sorts what they find by file and position', () => {
    const seen: number[] = [];
    const rules = [
      (tasks: readonly unknown[]) => (seen.push(tasks.length), [problem('jobs/b.yaml', 1, 'b'), problem('jobs/a.yaml', 9, 'a9')]),
      () => [problem('jobs/a.yaml', 2, 'a2')],
    ];
    expect(validateTasks([buildTask(), buildTask({ fileId: 2 })], rules)).toEqual([problem('jobs/a.yaml', 2, 'a2'), problem('jobs/a.yaml', 9, 'a9'), problem('jobs/b.yaml', 1, 'b')]);
    expect(seen).toEqual([2]);
  });

  it('uses the project rules by default', () => {
    const a = buildTask({ file: 'jobs/b.yaml' });
    const b = buildTask({ file: 'jobs/a.yaml', line: 5 });
    expect(validateTasks([a, b]).map((p) => `${p.file}:${p.line}`)).toEqual(['jobs/a.yaml:5', 'jobs/b.yaml:1']);
    expect(validateTasks([a])).toEqual([]);
  });
});
