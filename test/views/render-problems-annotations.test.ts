import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { renderProblemAnnotations, toAnnotations } from '../../src/views/render-problems-annotations.js';

describe('toAnnotations', () => {
  it('places problems on their file, line and column, relative to the repository root', () => {
    const problem = { file: 'jobs/a.yaml', line: 14, column: 7, path: 'taskParam.Cu', message: 'Cu must be …' };
    expect(toAnnotations([problem], 'infra')).toEqual([
      {
        message: 'Cu must be …',
        properties: { title: 'dwsync: taskParam.Cu', file: 'infra/jobs/a.yaml', startLine: 14, startColumn: 7 },
      },
    ]);
    expect(toAnnotations([{ ...problem, path: '' }], '.')[0]?.properties).toMatchObject({
      file: 'jobs/a.yaml',
      title: 'dwsync: invalid task file',
    });
  });
});

describe('renderProblemAnnotations', () => {
  const problems: Problem[] = Array.from({ length: 10 }, (_, i) => ({ file: `jobs/t${i}.yaml`, line: i + 1, column: 2, path: '', message: `bad ${i}` }));

  it('annotates up to nine problems, one for the failure of the step being the tenth', () => {
    const { errors, warnings } = renderProblemAnnotations(problems.slice(0, 9), '.');
    expect(warnings).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(problems.slice(0, 9).map((p) => p.message));
  });

  it('past nine, annotates eight and says how many more the job summary lists', () => {
    const { errors } = renderProblemAnnotations(problems, 'infra');
    expect(errors).toHaveLength(9);
    expect(errors[7]!.properties.file).toBe('infra/jobs/t7.yaml');
    expect(errors[8]).toEqual({
      message: '2 more problems are not annotated (GitHub shows 10 errors per step): the job summary lists all 10.',
      properties: { title: 'dwsync: more problems in the job summary' },
    });
  });

  it('keeps warnings apart, outside the error budget', () => {
    const warning: Problem = { ...problems[0]!, message: 'not listed', severity: 'warning' };
    const { errors, warnings } = renderProblemAnnotations([warning, ...problems.slice(0, 9)], '.');
    expect(warnings.map((w) => w.message)).toEqual(['not listed']);
    expect(errors).toHaveLength(9);
  });
});
