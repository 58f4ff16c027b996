import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderProblemsText } from '../../src/views/render-problems-text.js';

const problem: Problem = { file: 'jobs/a.yaml', line: 3, column: 5, path: 'taskParam.Cu', message: 'expected a number' };

describe('renderProblemsText', () => {
  it('writes one located line per problem, errors first, then warnings as warnings', () => {
    const warning: Problem = { ...problem, line: 1, message: 'resource group not listed' }; // a warning by where it is passed, whatever its severity
    expect(renderProblemsText([problem], [warning])).toBe(
      'jobs/a.yaml:3:5: error: expected a number\njobs/a.yaml:1:5: warning: resource group not listed\n',
    );
  });

  it('writes nothing for nothing', () => {
    expect(renderProblemsText([], [])).toBe('');
  });
});
