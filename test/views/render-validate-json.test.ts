import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderValidateJson } from '../../src/views/render-validate-json.js';

const problem: Problem = { file: 'jobs/a.yaml', line: 3, column: 5, path: 'taskParam.Cu', message: 'expected a number' };

describe('renderValidateJson', () => {
  it('prints one line: valid, the counts, every problem and warning', () => {
    expect(renderValidateJson({ problems: [], warnings: [], files: 2, tasks: 3 })).toBe(
      '{"formatVersion":1,"valid":true,"files":2,"tasks":3,"problems":[],"warnings":[]}\n',
    );
  });

  it('is not valid with any problem, and keeps each one whole', () => {
    const text = renderValidateJson({ problems: [problem], warnings: [], files: 1, tasks: 0 });
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toEqual({ formatVersion: 1, valid: false, files: 1, tasks: 0, problems: [problem], warnings: [] });
  });
});
