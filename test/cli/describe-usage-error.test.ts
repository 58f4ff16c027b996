import os from 'node:os';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { COMMANDS } from '../../src/cli/command-table.js';
import { describeUsageError } from '../../src/cli/describe-usage-error.js';
import { UserInputError } from '../../src/errors.js';

// Commander's complaints, said the way dwsync says things. The common cases are in test/cli.test.ts;
// these are the edges: which command a complaint is about, flags written with =, the owners of a
// misplaced flag listed in words, and the complaints with no case of their own.

async function stderrOf(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(argv, { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env: {}, cwd: os.tmpdir() });
  return { code, stderr };
}

describe('describeUsageError, through main', () => {
  it('names the command given, even when a flag value is another command’s name', async () => {
    expect(await stderrOf(['apply', '--state', 'plan', '--bogus'])).toEqual({
      code: 1,
      stderr: 'dwsync: apply: unknown flag --bogus; run "dwsync apply --help" for its flags\n',
    });
  });

  it('names the command, not the folder, when -C names a folder called like a command', () => {
    const error = describeUsageError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--bogus'"), ['-C', 'plan', 'apply', '--bogus'], COMMANDS);
    expect(error.message).toBe('apply: unknown flag --bogus; run "dwsync apply --help" for its flags');
  });

  it('reads the flag of --flag=value, and lists three owners or more as "a, b or c"', async () => {
    expect((await stderrOf(['plan', '--force=1'])).stderr).toBe(
      'dwsync: plan: --force is a flag of apply, not of plan; run "dwsync plan --help" for its flags\n',
    );
    expect((await stderrOf(['doctor', '--qps', '1'])).stderr).toBe(
      'dwsync: doctor: --qps is a flag of validate, plan, apply, import, rekey, workspaces, unlock or emulator, not of doctor; run "dwsync doctor --help" for its flags\n',
    );
  });

  it('names a flag that needs a value with its placeholder', async () => {
    expect((await stderrOf(['validate', '--state'])).stderr).toBe('dwsync: --state needs a value: --state <path>\n');
    expect((await stderrOf(['emulator', '--seed'])).stderr).toBe('dwsync: --seed needs a value: --seed <dir>\n');
  });
});

describe('describeUsageError, for each kind of complaint', () => {
  const describeIt = (code: string, message: string, argv: string[]) => describeUsageError(new CommanderError(1, code, message), argv, COMMANDS);

  it('an unknown flag before any command points at the general help', () => {
    const error = describeIt('commander.unknownOption', "error: unknown option '--verbose'", ['--verbose']);
    expect(error).toBeInstanceOf(UserInputError);
    expect(error.message).toBe('unknown flag --verbose; run "dwsync --help" for usage');
  });

  it('keeps the cause, and uses commander’s suggestion when it has one', () => {
    const cause = new CommanderError(1, 'commander.unknownOption', "error: unknown option '--stat'\n(Did you mean --state?)");
    const error = describeUsageError(cause, ['plan', '--stat'], COMMANDS);
    expect(error.message).toBe('plan: unknown flag --stat; did you mean --state?');
    expect(error.cause).toBe(cause);
  });

  it('a missing command', () => {
    expect(describeIt('commander.help', '(outputHelp)', []).message).toBe('expected a command; run "dwsync --help" for the list');
  });

  it('any other complaint in its own words, without "error: " or the full stop, and where to look', () => {
    expect(describeIt('commander.excessArguments', "error: too many arguments for 'plan'. Expected 0 arguments but got 1.", ['plan', 'x']).message).toBe(
      'too many arguments for \'plan\'. Expected 0 arguments but got 1; run "dwsync plan --help" for its flags',
    );
    expect(describeIt('commander.invalidArgument', 'error: something odd.', ['--x']).message).toBe('something odd; run "dwsync --help" for usage');
  });
});
