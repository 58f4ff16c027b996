import { describe, expect, it } from 'vitest';
import {
  renderApplyComment,
  renderApplyFailureComment,
  renderApplyFailureSummary,
  renderApplyMarkdown,
  renderApplyPostMarkdown,
  renderApplySummary,
} from '../../src/views/render-apply-markdown.js';
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

const status = { commit: '6dcb09b5b57875f334f61aebed695e2e4193db5e', runUrl: 'https://r/1' };

describe('renderApplyComment', () => {
  it('gives the verdict and the counts, then every task not applied with its code', () => {
    const report = buildApply([
      { key: '1/1', file: 'jobs/a.yaml', outcome: 'failed', attempts: 3, error: { code: 'Throttling.User', message: 'slow <down>' } },
      { key: '1/2', file: 'jobs/b.yaml', outcome: 'skipped', attempts: 0, reason: 'drift' },
      { key: '1/3', file: 'jobs/c.yaml', outcome: 'applied', attempts: 1 },
      { key: '1/4', file: 'jobs/d.yaml', outcome: 'created', attempts: 1 },
      { key: '1/5', file: 'jobs/e.yaml', outcome: 'deleted', attempts: 1 },
    ]);
    expect(renderApplyComment(report, 'dwsync apply', status, false)).toBe(
      [
        '### dwsync apply',
        '',
        '⚠️ **Applied with failures** for commit <code>6dcb09b5b578</code> · [run](https://r/1)',
        '',
        '| created | applied | deleted | failed | skipped | unchanged |',
        '|---:|---:|---:|---:|---:|---:|',
        '| 1 | 1 | 1 | 1 | 1 | 0 |',
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

describe('renderApplyPostMarkdown', () => {
  it('says where the state of a cancelled apply went: committed or already there', () => {
    expect(renderApplyPostMarkdown({ sha: 'abc123' }, 'main')).toBe('### dwsync apply: post step\n\nState committed as `abc123` and pushed to main.\n');
    expect(renderApplyPostMarkdown({ sha: null }, 'main')).toBe('### dwsync apply: post step\n\nThe state was already on the branch.\n');
  });
});
