import { formatProblem, formatWarning } from '../core/problem.js';
import { validate } from '../commands/validate.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import type { FlagValues } from './command-table.js';

export async function runValidate(options: CommandOptions, values: FlagValues, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await validate({ ...options, remote: values.remote === true }, deps);
  for (const problem of report.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const warning of report.warnings) io.stderr.write(`${formatWarning(warning)}\n`);
  const valid = report.problems.length === 0;
  if (json) {
    io.stdout.write(`${JSON.stringify({ formatVersion: 1, valid, files: report.files, tasks: report.tasks, problems: report.problems, warnings: report.warnings })}\n`);
  } else if (valid) {
    io.stdout.write(`${report.tasks} task(s) in ${report.files} file(s): all valid.\n`);
  } else {
    io.stdout.write(`${report.problems.length} problem(s) in ${report.files} file(s).\n`);
  }
  return valid ? EXIT.ok : EXIT.error;
}
