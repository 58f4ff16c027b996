import { describe, expect, it } from 'vitest';
import { describeApplyCounts, renderApplyStepText, renderApplyText } from '../../src/views/render-apply-text.js';
import { buildApply } from '../support/build-reports.js';

const report = buildApply([
  { key: '1/1', file: 'jobs/a.yaml', outcome: 'applied', attempts: 1, requestId: 'r-1', fileId: 11 },
  { key: '1/2', file: 'jobs/b.yaml', outcome: 'failed', attempts: 3, error: { code: 'Throttling.User', message: 'slow down' } },
  { key: '1/3', file: 'jobs/c.yaml', outcome: 'skipped', attempts: 0, reason: 'drift' },
  { key: '1/4', file: 'jobs/d.yaml', outcome: 'created', attempts: 2, fileId: 9 },
  { key: '1/5', file: 'jobs/e.yaml', outcome: 'unchanged', attempts: 0 },
]);

describe('renderApplyText', () => {
  it('writes a line per task that was attempted or skipped, then the totals', () => {
    expect(renderApplyText(report, { color: false })).toBe(
      [
        'applied  1/1  jobs/a.yaml  (file 11, 1 attempt, request r-1)',
        'failed   1/2  jobs/b.yaml  Throttling.User: slow down (3 attempts)',
        'skipped  1/3  jobs/c.yaml  (drift)',
        'created  1/4  jobs/d.yaml  (file 9, 2 attempts)',
        'Apply: 1 created, 1 applied, 1 failed, 1 unchanged, 1 skipped.',
        '',
      ].join('\n'),
    );
    expect(renderApplyText(report, { color: true })).toContain('\u001b[31mfailed \u001b[39m');
  });
});

describe('the apply step text', () => {
  it('counts the outcomes, and says so in the log line and when cancelled', () => {
    expect(describeApplyCounts(report)).toBe('1 created, 1 applied, 1 failed, 1 unchanged, 1 skipped');
    expect(renderApplyStepText(report)).toEqual({
      line: 'dwsync apply: 1 created, 1 applied, 1 failed, 1 unchanged, 1 skipped',
      cancelled: 'dwsync apply was cancelled: 1 created, 1 applied, 1 failed, 1 unchanged, 1 skipped; the post step commits the state',
    });
  });
});
