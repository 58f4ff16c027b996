import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { UserInputError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import type { ParsedArgs } from './parse-args.js';

export async function runImport(
  _options: CommandOptions,
  _values: ParsedArgs['values'],
  _deps: CommandDeps,
  _io: CliIo,
  _json: boolean,
): Promise<number> {
  throw new UserInputError('import is not available yet');
}
