import { describe, expect, it } from 'vitest';

import { toImportReport } from '../../../src/core/import/to-import-report.js';

const check = { ok: true, checked: 1, unchanged: 1, mismatches: [], problems: [] };

describe('toImportReport', () => {
  it('counts every outcome, sorts by key and keeps the check', () => {
    const report = toImportReport(
      [
        { key: '10000/12', file: null, outcome: 'failed', attempts: 1, error: { code: 'FileNotFound', message: 'gone' } },
        { key: '10000/2', file: 'jobs/a.yaml', outcome: 'written', attempts: 1 },
        { key: '10000/3', file: 'jobs/b.yaml', outcome: 'exists', attempts: 0 },
      ],
      check,
    );
    expect(report.summary).toEqual({ written: 1, exists: 1, failed: 1 });
    expect(report.results.map((r) => r.key)).toEqual(['10000/2', '10000/3', '10000/12']);
    expect(report.check).toBe(check);
  });
});
