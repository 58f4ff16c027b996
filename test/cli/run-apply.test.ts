import { describe, expect, it } from 'vitest';
import { useCliSession } from './cli-session.js';

// `dwsync apply` in-process: each outcome on stdout (text or one JSON document), and exit 3 when a
// task failed or was skipped.

const session = useCliSession();

describe('dwsync apply (CLI)', () => {
  it('applies every task, prints each outcome and exits 0', async () => {
    const s = await session();
    const run = await s.dwsync(['apply', '--qps', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/request [0-9A-F-]{36}/g, 'request R')).toBe(
      'applied  10000/1000001  jobs/ods/t1.yaml  (1 attempt, request R)\n' +
        'applied  10000/1000002  jobs/ods/t2.yaml  (1 attempt, request R)\n' +
        'Apply: 2 applied, 0 failed, 0 unchanged, 0 skipped.\n',
    );
    expect(run.stderr).not.toContain('Apply:');
    expect([...s.emulator.state.tasks.values()].map((t) => t.updates)).toEqual([1, 1]);
  });

  it('exits 3 when a task fails, and says which under --json', async () => {
    const s = await session();
    s.emulator.failNext({ kind: 'status-fail', message: 'resource group busy' }, { action: 'UpdateDISyncTask' });
    const run = await s.dwsync(['apply', '--json', '--qps', '0', '--concurrency', '1']);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { summary: Record<string, number>; results: Array<{ key: string; outcome: string }> };
    expect(report.summary).toMatchObject({ applied: 1, failed: 1, skipped: 0 });
    expect(report.results.map((r) => [r.key, r.outcome])).toEqual([
      ['10000/1000001', 'failed'],
      ['10000/1000002', 'applied'],
    ]);
  });

  it('exits 0 when every task is unchanged', async () => {
    const s = await session();
    await s.dwsync(['apply', '--qps', '0']);
    const again = await s.dwsync(['apply', '--json', '--qps', '0']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { summary: unknown }).summary).toEqual({ created: 0, applied: 0, deleted: 0, failed: 0, unchanged: 2, skipped: 0 });
  });

  it('exits 3 when a task is skipped: a run cancelled before it starts sends nothing', async () => {
    const s = await session();
    const run = await s.dwsync(['apply', '--json', '--qps', '0'], { signal: AbortSignal.abort() });
    expect(run.code).toBe(3);
    expect((JSON.parse(run.stdout) as { summary: Record<string, number> }).summary).toMatchObject({ applied: 0, skipped: 2 });
    expect(s.emulator.state.calls.filter((c) => c.action === 'UpdateDISyncTask')).toEqual([]);
  });
});
