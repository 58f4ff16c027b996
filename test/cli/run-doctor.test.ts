import { describe, expect, it } from 'vitest';
import { useCliSession } from './cli-session.js';

// `dwsync doctor` in-process: its ids checked before any call, the report on stdout, and exit 3 when
// DataWorks answered something its model does not document.

const session = useCliSession();

describe('dwsync doctor (CLI)', () => {
  it.each([
    [['doctor'], 'dwsync: doctor needs --project-id P, the DataWorks workspace id (e.g. dwsync doctor --project-id 10000)'],
    [['doctor', '--project-id', '0'], 'dwsync: --project-id must be a positive integer id, got "0"'],
    [['doctor', '--project-id', '12a'], 'dwsync: --project-id must be a positive integer id, got "12a"'],
    [['doctor', '--project-id', '10000', '--file-id', '-4'], 'dwsync: --file-id must be a positive integer id, got "-4"'],
    [['doctor', '--project-id', '20000', '--node-id', '70x'], 'dwsync: --node-id must be a node id (digits), got "70x"'],
    [['doctor', '--project-id', '10000', '--node-id', '7000000000000000001'], 'dwsync: --node-id names a node of the new Data Studio, and workspace 10000 speaks 2020-05-18 (workspaces."10000".api in dwsync.yaml): give --file-id, or set that to "2024-05-18"'],
  ])('%j: refused with exit 1 before any call', async (args, message) => {
    const s = await session();
    const run = await s.dwsync(args);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', `${message}\n`]);
    expect(s.emulator.state.calls).toEqual([]);
  });

  it('exits 0 when every answer is as documented, looking into the file asked for', async () => {
    const s = await session();
    const run = await s.dwsync(['doctor', '--project-id', '10000', '--file-id', '1000002']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`dwsync doctor: ${s.emulator.url}, workspace 10000\n`)).toBe(true);
    expect(run.stdout.endsWith('Everything DataWorks answered is as documented.\n')).toBe(true);
    expect(s.emulator.state.calls.filter((c) => c.action === 'GetFile').map((c) => c.parameters.FileId)).toEqual(['1000002']);
    expect(s.emulator.state.calls.filter((c) => c.action === 'UpdateDISyncTask')).toEqual([]);
  });

  it('exits 3 when an answer carries a field its model lacks, and says so under --json', async () => {
    const s = await session();
    s.emulator.failNext({ kind: 'undocumented-field', path: 'Data.Surprise', value: 1 }, { action: 'GetProject' });
    const run = await s.dwsync(['doctor', '--project-id', '10000', '--json']);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { ok: boolean; checks: Array<{ operation: string; outcome: string }> };
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => [c.operation, c.outcome])).toEqual([
      ['GetProject', 'differs'],
      ['ListDataSources', 'as-documented'],
      ['ListResourceGroups', 'as-documented'],
      ['ListFiles', 'as-documented'],
      ['GetFile', 'as-documented'],
    ]);
  });
});
