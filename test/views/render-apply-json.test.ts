import { describe, expect, it } from 'vitest';
import { renderApplyJsonPieces } from '../../src/views/render-apply-json.js';
import { buildApply } from '../support/build-reports.js';

describe('renderApplyJsonPieces', () => {
  it('prints the apply report pretty-printed, with a final newline', () => {
    const report = buildApply([
      { key: '1/1', file: 'jobs/a.yaml', outcome: 'applied', attempts: 1, requestId: 'r-1' },
      { key: '1/2', file: 'jobs/b.yaml', outcome: 'failed', attempts: 3, error: { code: 'Throttling.User', message: 'slow down' } },
    ]);
    const text = [...renderApplyJsonPieces(report)].join('');
    expect(JSON.parse(text)).toEqual(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "summary": {\n    "created": 0,\n    "applied": 1,');
  });
});
