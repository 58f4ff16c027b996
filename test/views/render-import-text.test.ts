import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/core/import/import-report.js';
import { renderImportText } from '../../src/views/render-import-text.js';

describe('renderImportText', () => {
  it('writes a line per task with its warnings, the check, then the totals', () => {
    const report: ImportReport = {
      formatVersion: 1,
      summary: { written: 1, exists: 1, failed: 1 },
      results: [
        { key: '1/1', file: 'jobs/a.yaml', outcome: 'written', attempts: 1, warnings: ['password written as DataWorks returned it'] },
        { key: '1/2', file: 'jobs/b.yaml', outcome: 'exists', attempts: 1 },
        { key: '1/3', file: null, outcome: 'failed', attempts: 1, error: { code: 'NotFound', message: 'no such file' } },
      ],
      check: { ok: false, checked: 1, unchanged: 0, mismatches: [{ key: '1/1', file: 'jobs/a.yaml', action: 'update', reason: 'changed' }], problems: [] },
    };
    expect(renderImportText(report, { color: false })).toBe(
      [
        'written  1/1  jobs/a.yaml',
        '         warning: password written as DataWorks returned it',
        'exists   1/2  jobs/b.yaml',
        'failed   1/3  -  NotFound: no such file',
        'check: 1/1  jobs/a.yaml  plans as update (changed), expected unchanged',
        'Check failed: 0 of 1 written task(s) plan unchanged.',
        'Import: 1 written, 1 already there (not overwritten), 1 failed.',
        'Files that exist are never overwritten; pass --overwrite to replace them with the live tasks.',
        '',
      ].join('\n'),
    );
  });
});
