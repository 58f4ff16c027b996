import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { rekey } from '../commands/rekey.js';
import { UserInputError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import { renderRekeyJson } from '../views/render-rekey-json.js';
import { renderRekeyText } from '../views/render-rekey-text.js';
import type { CliIo } from './cli-io.js';
import type { FlagValues } from './command-table.js';
import { readIdFlag } from './flag-specs.js';

// Exit 0 when every legacy task of the workspace was re-keyed; 3 when some were unmatched or
// ambiguous (the others are done); 1 on a usage error.
export async function runRekey(options: CommandOptions, values: FlagValues, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const projectId = readIdFlag(values.projectId, '--project-id');
  if (projectId === undefined) throw new UserInputError('rekey needs --project-id P, the workspace moved to the new Data Studio (e.g. dwsync rekey --project-id 10000)');
  const report = await rekey({ ...options, projectId, dryRun: values.dryRun === true, ...(typeof values.map === 'string' ? { mapFile: values.map } : {}) }, deps);
  io.stdout.write(json ? renderRekeyJson(report) : renderRekeyText(report));
  return report.unmatched.length + report.ambiguous.length > 0 ? EXIT.partial : EXIT.ok;
}
