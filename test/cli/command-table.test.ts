import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';

// The commands and the flags each takes: the command line's contract, one entry per command.

const REPO = ['--json', '--state', '--endpoint', '--region', '--concurrency', '--qps', '--only', '--workspace'];
const flagNames = (name: string) => COMMANDS.find((c) => c.name === name)!.flags.map((spec) => spec.flags.split(' ')[0]);

describe('the command table', () => {
  it('lists the commands in the order the help shows them', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['validate', 'plan', 'apply', 'import', 'doctor', 'rekey', 'workspaces', 'unlock', 'emulator']);
  });

  it('gives each command exactly its flags', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c.name, flagNames(c.name)]))).toEqual({
      validate: [...REPO, '--remote'],
      plan: [...REPO, '--detailed-exitcode', '--refresh', '--deploy', '--no-deploy', '--prune', '--no-prune', '--max-deletes'],
      apply: [...REPO, '--refresh', '--force', '--deploy', '--no-deploy', '--prune', '--no-prune', '--max-deletes'],
      import: [...REPO, '--project-id', '--file-id', '--node-id', '--folder', '--out', '--overwrite'],
      doctor: ['--json', '--state', '--endpoint', '--region', '--project-id', '--file-id', '--node-id', '--write-probe'],
      rekey: ['--json', '--state', '--endpoint', '--region', '--qps', '--project-id', '--dry-run', '--map'],
      workspaces: REPO,
      unlock: REPO,
      emulator: ['--port', '--seed', '--new-studio', '--latency-ms', '--qps', '--fail-rate', '--quota-after', '--mode'],
    });
  });

  it('has a one-line summary per command and a description per flag, and no flag twice in a command', () => {
    for (const command of COMMANDS) {
      expect(command.summary).toMatch(/^[a-z][^\n]*[^.\n]$/);
      const names = flagNames(command.name);
      expect(new Set(names).size).toBe(names.length);
      for (const spec of command.flags) expect(spec.description.length).toBeGreaterThan(10);
    }
  });
});
