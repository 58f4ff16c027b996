import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/core/import/import-report.js';
import { renderImportJsonPieces } from '../../src/views/render-import-json.js';

describe('renderImportJsonPieces', () => {
  it('prints the import report pretty-printed, with its check, and a final newline', () => {
    const report: ImportReport = {
      formatVersion: 1,
      summary: { written: 1, exists: 0, failed: 0 },
      results: [{ key: '10000/1', file: 'jobs/a.yaml', outcome: 'written', attempts: 1, warnings: ['a secret'] }],
      check: { ok: true, checked: 1, unchanged: 1, mismatches: [], problems: [] },
    };
    const text = [...renderImportJsonPieces(report)].join('');
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toContain('\n  "check": {\n    "ok": true,');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
