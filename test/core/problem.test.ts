import { describe, expect, it } from 'vitest';
import { compareProblems, formatProblem, formatWarning, type Problem } from '../../src/core/problem.js';

const at = (file: string, line: number, column: number, message = 'm'): Problem => ({ file, line, column, path: '', message });

describe('problems', () => {
  it('print as file:line:column: severity: message', () => {
    expect(formatProblem(at('jobs/a.yaml', 3, 7, 'projectId is missing'))).toBe('jobs/a.yaml:3:7: error: projectId is missing');
    expect(formatWarning(at('jobs/a.yaml', 1, 1, 'clear secret'))).toBe('jobs/a.yaml:1:1: warning: clear secret');
  });

  it('sort by file, line, column and message, in code-unit order whatever the locale', () => {
    const problems = [at('jobs/b.yaml', 1, 1), at('jobs/a.yaml', 10, 1), at('jobs/a.yaml', 2, 5, 'z'), at('jobs/a.yaml', 2, 5, 'Z'), at('jobs/B.yaml', 1, 1), at('jobs/a.yaml', 2, 1)];
    expect(problems.sort(compareProblems).map(formatProblem)).toEqual([
      'jobs/B.yaml:1:1: error: m',
      'jobs/a.yaml:2:1: error: m',
      'jobs/a.yaml:2:5: error: Z',
      'jobs/a.yaml:2:5: error: z',
      'jobs/a.yaml:10:1: error: m',
      'jobs/b.yaml:1:1: error: m',
    ]);
  });
});
