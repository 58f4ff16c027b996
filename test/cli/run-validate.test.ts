import { describe, expect, it } from 'vitest';
import { useCliSession } from './cli-session.js';

// `dwsync validate` in-process: the verdict on stdout (text or JSON), each located problem on
// stderr, exit 1 when any; --remote checks the references against the workspace.

const session = useCliSession();
const BAD = 'projectId: 10000\nfileId: -1\ntaskParam: {}\ntaskContent: {}\n';

describe('dwsync validate (CLI)', () => {
  it('says all is valid on stdout, the warnings on stderr, and exits 0 without calling DataWorks', async () => {
    const s = await session();
    const run = await s.dwsync(['validate'], { endpoint: false });
    expect([run.code, run.stdout]).toEqual([0, '2 task(s) in 2 file(s): all valid.\n']);
    expect(run.stderr.split('\n').filter(Boolean).map((line) => line.split(': warning: ')[0])).toEqual(['jobs/ods/t1.yaml:20:19', 'jobs/ods/t2.yaml:20:19']);
    expect(s.emulator.state.calls).toEqual([]);
  });

  it('exits 1 with each problem located on stderr and the count on stdout', async () => {
    const s = await session();
    await s.repo.write('jobs/ods/bad.yaml', BAD);
    const run = await s.dwsync(['validate'], { endpoint: false });
    expect([run.code, run.stdout]).toEqual([1, '5 problem(s) in 3 file(s).\n']);
    expect(run.stderr.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'jobs/ods/bad.yaml:2:9: error: fileId must be a positive integer, got -1',
      'jobs/ods/bad.yaml:3:12: error: taskParam.ResourceGroup is missing: expected a non-empty string',
      'jobs/ods/bad.yaml:4:14: error: taskContent.steps is missing: expected a list of steps',
      'jobs/ods/bad.yaml:4:14: error: taskContent.type is missing: expected "job"',
      'jobs/ods/bad.yaml:4:14: error: taskContent.version is missing: expected the string "2.0"',
    ]);
  });

  it('prints one JSON document under --json, with the same exit code', async () => {
    const s = await session();
    await s.repo.write('jobs/ods/bad.yaml', BAD);
    const run = await s.dwsync(['validate', '--json'], { endpoint: false });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; files: number; tasks: number; problems: Array<{ path: string }> };
    expect([report.valid, report.files, report.tasks, report.problems.map((p) => p.path)]).toEqual([
      false,
      3,
      2,
      ['fileId', 'taskParam.ResourceGroup', 'taskContent.steps', 'taskContent.type', 'taskContent.version'],
    ]);
  });

  it('with --remote, refuses datasources the workspace lacks and exits 1', async () => {
    const s = await session({ emulator: { seed: [{ projectId: 10000, fileId: 1 }] } });
    const run = await s.dwsync(['validate', '--remote']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'jobs/ods/t1.yaml:14:21: error: taskContent.steps[0].parameter.datasource: datasource "mysql_pub" does not exist in workspace 10000 (it lists none)',
      'jobs/ods/t1.yaml:25:21: error: taskContent.steps[1].parameter.datasource: datasource "odps_first" does not exist in workspace 10000 (it lists none)',
      'jobs/ods/t2.yaml:14:21: error: taskContent.steps[0].parameter.datasource: datasource "mysql_pub" does not exist in workspace 10000 (it lists none)',
      'jobs/ods/t2.yaml:25:21: error: taskContent.steps[1].parameter.datasource: datasource "odps_first" does not exist in workspace 10000 (it lists none)',
    ]);
    expect(s.emulator.state.calls.map((c) => c.action)).toContain('ListDataSources');
    const ok = await (await session()).dwsync(['validate', '--remote']);
    expect(ok.code).toBe(0);
  });
});
