import { describe, expect, it } from 'vitest';
import { useCliSession } from './cli-session.js';

// `dwsync plan` in-process: the plan on stdout (text or one JSON document), warnings on stderr, no
// change sent, and the exit code --detailed-exitcode asks for.

const session = useCliSession();
const updates = (s: Awaited<ReturnType<typeof session>>) => s.emulator.state.calls.filter((c) => c.action === 'UpdateDISyncTask').length;

describe('dwsync plan (CLI)', () => {
  it('prints the plan as text, the warnings apart, and changes nothing', async () => {
    const s = await session();
    const run = await s.dwsync(['plan', '--qps', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => !line.startsWith(' '))).toEqual([
      '~ 10000/1000001  jobs/ods/t1.yaml  (first apply)',
      '~ 10000/1000002  jobs/ods/t2.yaml  (first apply)',
      'Plan: 2 to update, 0 unchanged, 0 orphaned.',
      '',
    ]);
    expect(run.stderr).toMatch(/^jobs\/ods\/t1\.yaml:20:19: warning: password is written in the task file/);
    expect(run.stdout).not.toContain('warning');
    expect(updates(s)).toBe(0);
  });

  it('exits 2 with --detailed-exitcode when there are changes, and 0 once they are applied', async () => {
    const s = await session();
    const before = await s.dwsync(['plan', '--detailed-exitcode', '--qps', '0']);
    expect(before.code).toBe(2);
    expect((await s.dwsync(['apply', '--qps', '0'])).code).toBe(0);
    const after = await s.dwsync(['plan', '--detailed-exitcode', '--qps', '0']);
    expect([after.code, after.stdout]).toEqual([0, 'Plan: 0 to update, 2 unchanged, 0 orphaned.\nNo changes. DataWorks matches the task files.\n']);
  });

  it('counts drift found by --refresh as a change for --detailed-exitcode', async () => {
    const s = await session();
    await s.dwsync(['apply', '--qps', '0']);
    s.emulator.editTask({ projectId: 10000, fileId: 1000001 }, { taskContent: '{"type":"job","steps":[]}' });
    expect((await s.dwsync(['plan', '--detailed-exitcode', '--qps', '0'])).code).toBe(0);
    expect((await s.dwsync(['plan', '--refresh', '--detailed-exitcode', '--qps', '0'])).code).toBe(2);
  });

  it('prints one JSON document under --json, and nothing else on stdout', async () => {
    const s = await session();
    const run = await s.dwsync(['plan', '--json', '--qps', '0']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: unknown; changes: Array<{ key: string; action: string }> };
    expect(report.summary).toEqual({ create: 0, update: 2, unchanged: 0, orphaned: 0 });
    expect(report.changes.map((c) => [c.key, c.action])).toEqual([
      ['10000/1000001', 'update'],
      ['10000/1000002', 'update'],
    ]);
  });
});
