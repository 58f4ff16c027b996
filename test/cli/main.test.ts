import os from 'node:os';

import { describe, expect, it } from 'vitest';

import { main } from '../../src/cli.js';
import { formatProgress } from '../../src/cli/progress-line.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: os.tmpdir(),
  });
  return { code, stdout, stderr };
}

describe('main', () => {
  it('prints usage for --help and for no command', async () => {
    for (const argv of [['--help'], []]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: dwsync <command> [flags]');
    }
  });

  it('prints its version', async () => {
    expect((await run(['--version'])).stdout).toMatch(/^dwsync \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['deploy'], 'dwsync: unknown command "deploy"; expected one of: validate, plan, apply, import, unlock, emulator, doctor'],
    [['plan', '--concurrency', '0'], 'dwsync: --concurrency must be an integer from 1 to 256, got "0"'],
    [['plan', '--qps', 'fast'], 'dwsync: --qps must be a number from 0 to 10000, got "fast"'],
    [['plan', 'extra'], 'dwsync: unexpected argument "extra" after "plan"'],
    [['import'], 'dwsync: import needs --project-id P, the DataWorks workspace id (e.g. dwsync import --project-id 10000)'],
  ])('refuses %j with exit 1 and says why', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toContain(message);
  });

  it('refuses an unknown flag, pointing at --help', async () => {
    const { code, stderr } = await run(['plan', '--bogus']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unknown option '--bogus'.*dwsync --help/);
  });
});

describe('formatProgress', () => {
  it('shows done/total, rate, ETA and failures', () => {
    expect(formatProgress({ done: 50, total: 200, failed: 2 }, 10_000)).toBe('[ 50/200] 5.0/s  ETA 30s  2 failed');
    expect(formatProgress({ done: 0, total: 7, failed: 0 }, 0)).toBe('[0/7] 0.0/s  ETA ?');
  });
});
