import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { unlock } from '../commands/unlock.js';
import { EXIT } from '../exit-code.js';
import { describeLockHolder } from '../state/lock.js';
import { renderUnlockJson } from '../views/render-unlock-json.js';
import { renderUnlockText } from '../views/render-unlock-text.js';
import type { CliIo } from './cli-io.js';

export async function runUnlock(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await unlock(options, deps);
  if (json) io.stdout.write(renderUnlockJson(report));
  io.stderr.write(renderUnlockText(report.holder && describeLockHolder(report.holder)));
  return EXIT.ok;
}
