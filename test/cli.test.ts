import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { main } from '../src/cli.js';
import { formatProgress } from '../src/views/progress-line.js';
import { useTempDir } from './support/temp-dir.js';

const tempDir = useTempDir('dwsync-cli-');

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd ?? os.tmpdir(),
  });
  return { code, stdout, stderr };
}

describe('main', () => {
  it('prints usage for --help and for no command', async () => {
    for (const argv of [['--help'], []]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: dwsync <command> [flags]');
      expect(stdout).toMatch(/^ {2}validate +parse and check every task file/m);
      expect(stdout).toContain('Exit status: 0 success');
    }
  });

  it('prints its version', async () => {
    expect((await run(['--version'])).stdout).toMatch(/^dwsync \d+\.\d+\.\d+\n$/);
  });

  it('prints the help of one command, with only the flags that command takes', async () => {
    for (const argv of [['plan', '--help'], ['help', 'plan']]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: dwsync plan [flags]');
      expect(stdout).toContain('--detailed-exitcode');
      expect(stdout).toContain('-C <dir>');
      expect(stdout).not.toContain('--force');
      expect(stdout).not.toContain('--project-id');
    }
  });

  it.each([
    [['deploy'], 'dwsync: unknown command "deploy"; did you mean apply?'],
    [['valdate'], 'dwsync: unknown command "valdate"; did you mean validate?'],
    [['frobnicate'], 'dwsync: unknown command "frobnicate"; expected one of: validate, plan, apply, import, doctor, rekey, workspaces, unlock, emulator'],
    [['plan', '--jsn'], 'dwsync: plan: unknown flag --jsn; did you mean --json?'],
    [['plan', '--bogus'], 'dwsync: plan: unknown flag --bogus; run "dwsync plan --help" for its flags'],
    [['plan', '--force'], 'dwsync: plan: --force is a flag of apply, not of plan; run "dwsync plan --help" for its flags'],
    [['validate', '--project-id', '1'], 'dwsync: validate: --project-id is a flag of import, doctor or rekey, not of validate; run "dwsync validate --help" for its flags'],
    [['plan', '--concurrency', '0'], 'dwsync: --concurrency must be an integer from 1 to 256, got "0"'],
    [['plan', '--qps', 'fast'], 'dwsync: --qps must be a number from 0 to 10000, got "fast"'],
    [['plan', '--qps', '-1'], 'dwsync: --qps must be a number from 0 to 10000, got "-1"'],
    [['plan', '--qps'], 'dwsync: --qps needs a value: --qps <q>'],
    [['plan', 'extra'], 'dwsync: unexpected argument "extra" after "plan"; run "dwsync plan --help" for its flags'],
    [['import'], 'dwsync: import needs --project-id P, the DataWorks workspace id (e.g. dwsync import --project-id 10000)'],
    [['plan', '-C', '/nonexistent/dwsync'], 'dwsync: -C /nonexistent/dwsync: no such directory'],
    [['-C', '/nonexistent/dwsync', 'validate'], 'dwsync: -C /nonexistent/dwsync: no such directory'],
    [['validate', '-C=/nonexistent/dwsync'], 'dwsync: -C /nonexistent/dwsync: no such directory'],
    [['emulator', '-C', '/nonexistent/dwsync'], 'dwsync: -C /nonexistent/dwsync: no such directory'],
  ])('refuses %j with exit 1 and says why', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toContain(message);
    expect(stderr).not.toMatch(/\.\.|\.\n|Did you mean/);
  });

  it('refuses -C naming a file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'f'), '');
    const { code, stderr } = await run(['validate', '-C', path.join(dir, 'f')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`dwsync: -C ${path.join(dir, 'f')}: not a directory\n`);
  });

  it('takes -C before or after the command, and -C=DIR as DIR', async () => {
    const root = await repoWithOneTask();
    for (const argv of [['-C', root, 'validate'], ['validate', '-C', root], ['validate', `-C=${root}`], [`-C${root}`, 'validate']]) {
      const { code, stdout, stderr } = await run(argv);
      expect({ argv, code, stderr }).toEqual({ argv, code: 0, stderr: '' });
      expect(stdout).toContain('1 task(s) in 1 file(s): all valid.');
    }
  });
});

describe('--json', () => {
  it.each([
    [['validate', '--json'], 0],
    [['plan', '--json'], 0],
    [['unlock', '--json'], 0],
    [['plan', '--json', '--only', 'jobs/none/**'], 1],
    [['apply', '--json', '--concurrency', 'x'], 1],
    [['apply', '--json'], 1], // no credentials
    [['import', '--json'], 1],
    [['plan', '--json', '--jsn'], 1],
  ])('prints exactly one JSON document on stdout for %j', async (argv, exitCode) => {
    const root = await repoWithOneTask();
    const { code, stdout } = await run(argv, { cwd: root });
    expect(code).toBe(exitCode);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(JSON.parse(stdout)).toMatchObject({ formatVersion: 1 });
  });

  it('carries the located problems when plan stops on invalid task files', async () => {
    const root = await repoWithOneTask();
    await writeFile(path.join(root, 'jobs', 'ods', 'a.yaml'), TASK.replace('fileId: 2', 'fileId: -2'));
    const { code, stdout, stderr } = await run(['plan', '--json'], { cwd: root });
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(document.error).toMatchObject({ kind: 'input', message: '1 problem(s) in task files; nothing was planned' });
    expect(document.error.problems).toEqual([expect.objectContaining({ file: 'jobs/ods/a.yaml', line: 2, path: 'fileId' })]);
    expect(stderr).toContain('jobs/ods/a.yaml:2:');
  });

  it('unlock tells who held the lock, in words and in JSON', async () => {
    const root = await repoWithOneTask();
    await mkdir(path.join(root, '.dwsync'));
    const holder = { pid: 4242, host: 'ci-7', startedAt: '2026-01-02T03:04:05.678Z', command: 'dwsync apply' };
    await writeFile(path.join(root, '.dwsync', 'state.json.lock'), JSON.stringify({ ...holder, token: 'x' }));
    const { code, stdout, stderr } = await run(['unlock', '--json'], { cwd: root });
    expect(code).toBe(0);
    expect(stderr).toBe('removed the lock held by dwsync apply (pid 4242 on host ci-7, since 2026-01-02T03:04:05Z)\n');
    expect(JSON.parse(stdout)).toMatchObject({ formatVersion: 1, removed: true, holder });
  });
});

describe('likely mistakes are not a quiet success', () => {
  it('refuses an empty jobs folder in validate; plan and apply say so', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'jobs'));
    const validated = await run(['validate'], { cwd: root });
    expect(validated).toMatchObject({ code: 1, stderr: 'jobs:1:1: error: the jobs folder jobs/ holds no task files: expected *.yaml or *.yml files below it\n' });
    for (const command of ['plan', 'apply']) {
      const { code, stderr } = await run([command], { cwd: root });
      expect(code).toBe(0);
      expect(stderr).toBe('warning: the jobs folder jobs/ holds no task files (*.yaml, *.yml)\n');
    }
  });

  it('warns about a password written in a task file, and still validates it', async () => {
    const root = await repoWithOneTask();
    await writeFile(path.join(root, 'jobs', 'ods', 'a.yaml'), TASK.replace('parameter: {}}', 'parameter: {password: hunter2}}'));
    const { code, stdout, stderr } = await run(['validate'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toBe('1 task(s) in 1 file(s): all valid.\n');
    expect(stderr).toMatch(/^jobs\/ods\/a\.yaml:8:\d+: warning: password is written in the task file: DataWorks stores it in clear/);
  });

  it('refuses an --only that selects no task file', async () => {
    const root = await repoWithOneTask();
    for (const command of ['validate', 'plan', 'apply']) {
      const { code, stderr } = await run([command, '--only', 'jobs/odss/**'], { cwd: root });
      expect(code).toBe(1);
      expect(stderr).toBe('dwsync: --only "jobs/odss/**" matches none of the 1 task file(s) in jobs/\n');
    }
  });
});

describe('the repository root', () => {
  it('is the nearest folder with a dwsync.yaml above the current one, and says so', async () => {
    const root = await repoWithOneTask();
    await writeFile(path.join(root, 'dwsync.yaml'), 'jobs: jobs\n');
    const { code, stderr } = await run(['validate'], { cwd: path.join(root, 'jobs', 'ods') });
    expect(code).toBe(0);
    expect(stderr).toBe(`dwsync: using the repository root ${root} (the nearest folder with a dwsync.yaml)\n`);
  });

  it('is the git top level when there is no dwsync.yaml', async () => {
    const root = await repoWithOneTask();
    await mkdir(path.join(root, '.git'));
    const { code, stderr } = await run(['validate', '-C', 'jobs/ods'], { cwd: root });
    expect(code).toBe(0);
    expect(stderr).toBe(`dwsync: using the repository root ${root} (the top level of the git repository)\n`);
  });

  it('is never above the git top level, even when a dwsync.yaml is', async () => {
    const outer = await repoWithOneTask();
    await writeFile(path.join(outer, 'dwsync.yaml'), 'jobs: jobs\n');
    const inner = path.join(outer, 'other');
    await mkdir(path.join(inner, '.git'), { recursive: true });
    const { code, stderr } = await run(['validate'], { cwd: inner });
    expect(code).toBe(1);
    expect(stderr).toContain('the jobs folder jobs does not exist');
  });
});

async function repoWithOneTask(): Promise<string> {
  const root = await tempDir();
  await mkdir(path.join(root, 'jobs', 'ods'), { recursive: true });
  await writeFile(path.join(root, 'jobs', 'ods', 'a.yaml'), TASK);
  return root;
}

const TASK = `projectId: 1
fileId: 2
taskParam: {ResourceGroup: S_res_group_1}
taskContent:
  type: job
  version: "2.0"
  steps:
    - {stepType: mysql, category: reader, name: Reader, parameter: {}}
    - {stepType: odps, category: writer, name: Writer, parameter: {}}
  setting: {speed: {concurrent: 1}}
  order: {hops: [{from: Reader, to: Writer}]}
`;

describe('formatProgress', () => {
  it('shows done/total, rate, ETA and failures', () => {
    expect(formatProgress({ done: 50, total: 200, failed: 2 }, 10_000)).toBe('[ 50/200] 5.0/s  ETA 30s  2 failed');
    expect(formatProgress({ done: 0, total: 7, failed: 0 }, 0)).toBe('[0/7] 0.0/s  ETA ?');
  });
});
