import { validate } from '../commands/validate.js';
import { EXIT } from '../exit-code.js';
import { renderValidateJson } from '../views/render-validate-json.js';
import { renderValidateText } from '../views/render-validate-text.js';
import type { CliIo } from './cli-io.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import type { FlagValues } from './command-table.js';

export async function runValidate(options: CommandOptions, values: FlagValues, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await validate({ ...options, remote: values.remote === true }, deps);
  const text = renderValidateText(report);
  if (text.stderr !== '') io.stderr.write(text.stderr);
  io.stdout.write(json ? renderValidateJson(report) : text.stdout);
  return report.problems.length === 0 ? EXIT.ok : EXIT.error;
}
