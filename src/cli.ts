import { CommanderError } from 'commander';

import { describeError, EXIT } from './exit-code.js';
import { UserInputError } from './errors.js';
import { buildProgram } from './cli/build-program.js';
import type { CliIo } from './cli/cli-io.js';
import type { CliCommand, FlagValues } from './cli/command-table.js';
import { COMMANDS } from './cli/command-table.js';
import { describeUsageError } from './cli/describe-usage-error.js';
import { renderErrorJson } from './views/render-error-json.js';

// Arguments in, exit status out. Everything the process offers (streams, env, signals) comes in `io`,
// so tests drive this function directly.
export async function main(argv: string[], io: CliIo): Promise<number> {
  let chosen: { command: CliCommand; values: FlagValues; extra: string[] } | null = null;
  const program = buildProgram(COMMANDS, io, (command, values, extra) => (chosen = { command, values, extra }));
  try {
    if (argv.length === 0) return program.outputHelp(), EXIT.ok;
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      if (error.exitCode === 0) return EXIT.ok; // --help, --version, help: already printed
      throw describeUsageError(error, argv, COMMANDS);
    }
    if (chosen === null) return EXIT.ok;
    const { command, values, extra } = chosen as { command: CliCommand; values: FlagValues; extra: string[] };
    if (extra.length > 0) throw new UserInputError(`unexpected argument "${extra[0]}" after "${command.name}"; run "dwsync ${command.name} --help" for its flags`);
    return await command.run(values, io);
  } catch (error) {
    const { exitCode, lines } = describeError(error);
    for (const line of lines) io.stderr.write(`${line}\n`);
    const json = chosen === null ? argv.includes('--json') : (chosen as { values: FlagValues }).values.json === true;
    if (json) io.stdout.write(renderErrorJson(error));
    return exitCode;
  }
}
