import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { unlock } from '../commands/unlock.js';
import { EXIT } from '../exit-code.js';
import { describeLockHolder } from '../state/lock.js';
import type { CliIo } from './cli-io.js';

export async function runUnlock(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await unlock(options, deps);
  if (json) io.stdout.write(`${JSON.stringify(report)}\n`);
  io.stderr.write(report.holder ? `removed the lock held by ${describeLockHolder(report.holder)}\n` : 'no lock was held\n');
  return EXIT.ok;
}
