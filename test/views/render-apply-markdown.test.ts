import { describe, expect, it } from 'vitest';
import { renderApplyFailureSummary, renderApplyMarkdown, renderApplySummary } from '../../src/views/render-apply-markdown.js';
import { buildApply } from '../support/build-reports.js';

const join = (parts: { head: string; sections: string[]; tail: string }) => parts.head + parts.sections.join('') + parts.tail;

describe('renderApplyMarkdown', () => {
  it('counts every outcome, then one escaped table row per task', () => {
    const report = buildApply([
      { key: '1/1', file: 'jobs/a|b.yaml', outcome: 'failed', attempts: 2, error: { code: 'E', message: 'no <way>', requestId: 'r-2' } },
      { key: '1/2', file: 'jobs/c.yaml', outcome: 'applied', attempts: 1, requestId: 'r-1' },
    ]);
    const md = join(renderApplyMarkdown(report, 'dwsync apply'));
    expect(md).toContain('### dwsync apply\n\n**1 failed, 0 skipped**; the rest were applied and recorded.\n');
    expect(md).toContain('| 0 | 1 | 0 | 1 | 0 | 0 |');
    expect(md).toContain('| ❌ failed | <code>1/1</code> | <code>jobs/a\\|b.yaml</code> | 2 | E: no &lt;way&gt; (request r-2) |\n');
    expect(md).toContain('| ✅ applied | <code>1/2</code> | <code>jobs/c.yaml</code> | 1 | request r-1 |\n');
  });
});

describe('renderApplySummary', () => {
  it('is the whole table when it fits, and drops rows with a note past 1 MiB', () => {
    const small = buildApply([{ key: '1/1', file: 'jobs/a.yaml', outcome: 'applied', attempts: 1 }]);
    expect(renderApplySummary(small, 't')).toBe(join(renderApplyMarkdown(small, 't')));
    const long = 'x'.repeat(2000);
    const big = buildApply(Array.from({ length: 800 }, (_, i) => ({ key: `1/${i}`, file: 'jobs/a.yaml', outcome: 'skipped' as const, attempts: 0, reason: long })));
    const md = renderApplySummary(big, 't');
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md).toMatch(/\n\n\d+ more rows are not shown \(the job summary is limited to 1 MiB\); every outcome is in the apply JSON\.\n\n$/);
  });
});

describe('renderApplyFailureSummary', () => {
  it('gives the reason and every problem', () => {
    const md = renderApplyFailureSummary('dwsync apply', { commit: null, runUrl: null }, { message: 'refused', problems: [{ file: 'jobs/a.yaml', line: 1, column: 1, path: '', message: 'bad' }] });
    expect(md).toBe('### dwsync apply\n\n❌ **Apply failed**\n\n**Reason:** refused\n\n1 problem in task files:\n\n- <code>jobs/a.yaml:1:1</code> bad\n');
  });
});
