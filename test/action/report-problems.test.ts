import { describe, expect, it } from 'vitest';
import { annotateProblems } from '../../src/action/report-problems.js';
import type { Problem } from '../../src/core/problem.js';
import { recordActions } from '../support/record-actions.js';

// Located problems become annotations on their lines: warnings as warnings, the rest as errors.

const problem = (line: number, extra: Partial<Problem> = {}): Problem => ({ file: 'jobs/a.yaml', line, column: 3, path: 'fileId', message: `problem ${line}`, ...extra });

describe('annotateProblems', () => {
  it('sends warnings as warnings first, then errors, each placed relative to the repository root', () => {
    const io = recordActions();
    annotateProblems(io, [problem(1), problem(2, { severity: 'warning', path: 'taskParam.ResourceGroup' }), problem(3, { path: '' })], 'infra');
    expect(io.lines).toEqual([
      'warning: problem 2 {"title":"dwsync: taskParam.ResourceGroup","file":"infra/jobs/a.yaml","startLine":2,"startColumn":3}',
      'error: problem 1 {"title":"dwsync: fileId","file":"infra/jobs/a.yaml","startLine":1,"startColumn":3}',
      'error: problem 3 {"title":"dwsync: invalid task file","file":"infra/jobs/a.yaml","startLine":3,"startColumn":3}',
    ]);
    expect(io.failed).toBeNull();
  });

  it('keeps within the errors GitHub shows per step, and never caps warnings', () => {
    const io = recordActions();
    const errors = Array.from({ length: 12 }, (_, i) => problem(i + 1));
    const warnings = Array.from({ length: 12 }, (_, i) => problem(100 + i, { severity: 'warning' }));
    annotateProblems(io, [...errors, ...warnings], '.');
    expect(io.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(12);
    const errorLines = io.lines.filter((l) => l.startsWith('error:'));
    expect(errorLines).toHaveLength(9);
    expect(errorLines.at(-1)).toBe(
      'error: 4 more problems are not annotated (GitHub shows 10 errors per step): the job summary lists all 12. {"title":"dwsync: more problems in the job summary"}',
    );
  });

  it('sends nothing for no problems', () => {
    const io = recordActions();
    annotateProblems(io, [], '.');
    expect(io.lines).toEqual([]);
  });
});
