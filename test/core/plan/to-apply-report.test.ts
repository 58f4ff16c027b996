import { describe, expect, it } from 'vitest';

import { toApplyReport } from '../../../src/core/plan/to-apply-report.js';

describe('toApplyReport', () => {
  it('counts every outcome and sorts the results by key, numerically', () => {
    const report = toApplyReport([
      { key: '10000/20', file: 'b.yaml', outcome: 'failed', attempts: 3 },
      { key: '10000/3', file: 'a.yaml', outcome: 'applied', attempts: 1 },
      { key: '9/1', file: 'c.yaml', outcome: 'unchanged', attempts: 0 },
    ]);
    expect(report.summary).toEqual({ created: 0, applied: 1, deleted: 0, failed: 1, unchanged: 1, skipped: 0 });
    expect(report.results.map((r) => r.key)).toEqual(['9/1', '10000/3', '10000/20']);
  });
});
