import { Command, Option } from 'commander';

import { VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import type { CliCommand, FlagValues } from './command-table.js';
import type { FlagSpec } from './flag-specs.js';

const EXIT_STATUS = `
Run "dwsync <command> --help" for the flags of a command.

Exit status: 0 success; 1 usage error, invalid input, unreadable state, missing credentials or held lock;
2 plan --detailed-exitcode found changes; 3 apply finished with failed or skipped tasks.
`;

// The command line as commander sees it, built from the command table. Help goes to stdout; errors are
// thrown (exitOverride) and turned into text and an exit status by the caller, never printed here.
// `onRun` receives the chosen command with its flags, -C included.
export function buildProgram(commands: CliCommand[], io: CliIo, onRun: (command: CliCommand, values: FlagValues, extra: string[]) => void): Command {
  const program = new Command('dwsync')
    .description('dwsync: keep DataWorks batch sync tasks in git')
    .usage('<command> [flags]')
    .version(`dwsync ${VERSION}`, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .helpCommand('help [command]', 'print help for a command')
    .option('-C <dir>', 'run as if started in DIR (the repository root is found from there)', (raw) => raw.replace(/^=/, ''))
    .addHelpText('after', EXIT_STATUS)
    .configureHelp({ showGlobalOptions: true, subcommandTerm: (command) => command.name() })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      // Commander writes here only the whole help before refusing a run with flags but no command
      // (`dwsync -C dir`); the caller says what is wrong in one line instead.
      writeErr: () => {},
      outputError: () => {},
    });
  for (const spec of commands) {
    const command = program
      .command(spec.name)
      .description(spec.summary)
      .usage('[flags]')
      .allowExcessArguments(true) // refused in the action, with the argument named
      .action((_options: FlagValues, self: Command) => onRun(spec, self.optsWithGlobals(), self.args));
    for (const flag of spec.flags) command.addOption(toOption(flag));
  }
  return program;
}

function toOption(spec: FlagSpec): Option {
  const option = new Option(spec.flags, spec.description);
  return spec.parse ? option.argParser(spec.parse) : option;
}
