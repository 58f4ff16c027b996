import { describe, expect, it } from 'vitest';
import { renderApplyComment, renderApplyFailureComment } from '../../src/views/render-apply-comment.js';
import { buildApply } from '../support/build-reports.js';

const status = { commit: '6dcb09b5b57875f334f61aebed695e2e4193db5e', runUrl: 'https://r/1' };

describe('renderApplyComment', () => {
  it('gives the verdict and the counts, then every task not applied with its code', () => {
    const report = buildApply([
      { key: '1/1', file: 'jobs/a.yaml', outcome: 'failed', attempts: 3, error: { code: 'Throttling.User', message: 'slow <down>' } },
      { key: '1/2', file: 'jobs/b.yaml', outcome: 'skipped', attempts: 0, reason: 'drift' },
      { key: '1/3', file: 'jobs/c.yaml', outcome: 'applied', attempts: 1 },
    ]);
    expect(renderApplyComment(report, 'dwsync apply', status, false)).toBe(
      [
        '### dwsync apply',
        '',
        '⚠️ **Applied with failures** for commit <code>6dcb09b5b578</code> · [run](https://r/1)',
        '',
        '| applied | failed | skipped | unchanged |',
        '|---:|---:|---:|---:|',
        '| 1 | 1 | 1 | 0 |',
        '',
        '2 tasks were not applied:',
        '',
        '- <code>1/1</code> (<code>jobs/a.yaml</code>): <code>Throttling.User</code> slow &lt;down&gt;',
        '- <code>1/2</code> (<code>jobs/b.yaml</code>): skipped: drift',
        '',
      ].join('\n'),
    );
    expect(renderApplyComment(buildApply([]), 'dwsync apply', status, true)).toContain('⏹️ **Apply cancelled**');
  });

  it('drops whole tasks from the end to stay under the comment limit, and says how many', () => {
    const report = buildApply(Array.from({ length: 400 }, (_, i) => ({ key: `1/${i}`, file: 'jobs/a.yaml', outcome: 'failed' as const, attempts: 1, error: { code: 'E', message: 'm'.repeat(300) } })));
    const md = renderApplyComment(report, 'dwsync apply', status, false);
    expect(md.length).toBeLessThanOrEqual(65_536 - 200);
    expect(md).toMatch(/\n… and \d+ more \(see the run\)\.\n$/);
  });
});

describe('renderApplyFailureComment', () => {
  it('gives the reason under a failed status', () => {
    expect(renderApplyFailureComment('dwsync apply', status, { message: 'refused', problems: [] })).toBe(
      '### dwsync apply\n\n❌ **Apply failed** for commit <code>6dcb09b5b578</code> · [run](https://r/1)\n\n**Reason:** refused\n\n',
    );
  });
});
