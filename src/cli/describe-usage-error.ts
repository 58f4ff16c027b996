import type { CommanderError } from 'commander';

import { UserInputError } from '../errors.js';
import type { CliCommand } from './command-table.js';

// Commander's complaint, said the way dwsync says things: which command, which flag, the nearest valid
// spelling, or the command a misplaced flag belongs to.
export function describeUsageError(error: CommanderError, argv: string[], commands: CliCommand[]): UserInputError {
  // The first argument that names a command is the command: a later one is a flag's value, and so is
  // the folder after -C (`-C plan apply` runs apply in the folder plan).
  const command = argv
    .map((arg, i) => (argv[i - 1] === '-C' ? undefined : commands.find((candidate) => candidate.name === arg)))
    .find((found) => found !== undefined);
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const helpFor = command ? `run "dwsync ${command.name} --help" for its flags` : 'run "dwsync --help" for usage';
  switch (error.code) {
    case 'commander.unknownOption': {
      const flag = quoted.split('=')[0]!;
      const owners = commands.filter((other) => other !== command && other.flags.some((spec) => flagNames(spec.flags).includes(flag)));
      const where = command ? `${command.name}: ` : '';
      if (command && owners.length > 0) {
        return usage(`${where}${flag} is a flag of ${listInWords(owners.map((owner) => owner.name))}, not of ${command.name}; ${helpFor}`, error);
      }
      return usage(`${where}unknown flag ${flag}; ${suggestion ? `did you mean ${suggestion}?` : helpFor}`, error);
    }
    case 'commander.unknownCommand': {
      const names = commands.map((candidate) => candidate.name).join(', ');
      return usage(`unknown command "${quoted}"; ${suggestion ? `did you mean ${suggestion}?` : `expected one of: ${names}`}`, error);
    }
    case 'commander.optionMissingArgument': {
      const [flag, value] = quoted.split(' ');
      return usage(`${flag} needs a value: ${flag} ${value ?? ''}`.trimEnd(), error);
    }
    case 'commander.help':
      return usage('expected a command; run "dwsync --help" for the list', error);
    default:
      return usage(`${error.message.replace(/^error: /, '').replace(/\.$/, '')}; ${helpFor}`, error);
  }
}

function usage(message: string, cause: CommanderError): UserInputError {
  return new UserInputError(message, { cause });
}

function flagNames(flags: string): string[] {
  return flags.split(/[ ,]+/).filter((part) => part.startsWith('-'));
}

// ['import'] → 'import'; ['import', 'doctor'] → 'import or doctor'; three or more → 'a, b or c'.
function listInWords(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
