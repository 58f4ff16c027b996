import os from 'node:os';

import { describe, expect, it } from 'vitest';

import { main } from '../../src/cli.js';

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

describe('buildProgram', () => {
  it('refuses flags without a command in one line, without printing the whole help', async () => {
    const { code, stdout, stderr } = await run(['-C', os.tmpdir()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('dwsync: expected a command; run "dwsync --help" for the list\n');
  });

  it('still prints the help for --help and for help, on stdout', async () => {
    for (const argv of [['--help'], ['help'], ['help', 'plan']]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: dwsync');
      expect(stderr).toBe('');
    }
  });
});
