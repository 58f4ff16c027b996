import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderValidateText } from '../../src/views/render-validate-text.js';

const problem: Problem = { file: 'jobs/a.yaml', line: 3, column: 5, path: 'taskParam.Cu', message: 'expected a number' };
const warning: Problem = { file: 'jobs/b.yaml', line: 1, column: 1, path: '', message: 'password is written in the task file', severity: 'warning' };

describe('renderValidateText', () => {
  it('says all is valid on stdout, with the warnings on stderr', () => {
    expect(renderValidateText({ problems: [], warnings: [warning], files: 2, tasks: 3 })).toEqual({
      stdout: '3 task(s) in 2 file(s): all valid.\n',
      stderr: 'jobs/b.yaml:1:1: warning: password is written in the task file\n',
    });
  });

  it('counts the problems on stdout and locates each on stderr', () => {
    expect(renderValidateText({ problems: [problem, { ...problem, line: 9 }], warnings: [], files: 1, tasks: 0 })).toEqual({
      stdout: '2 problem(s) in 1 file(s).\n',
      stderr: 'jobs/a.yaml:3:5: error: expected a number\njobs/a.yaml:9:5: error: expected a number\n',
    });
  });
});
