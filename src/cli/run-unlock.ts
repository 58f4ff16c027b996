import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { resolveSettings } from '../commands/resolve-settings.js';
import { forWorkspace, isFannedOut } from '../commands/workspaces.js';
import { UserInputError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import { describeLockHolder, forceUnlock } from '../state/lock.js';
import type { CliIo } from './cli-io.js';

// For the case a stale lock cannot be recognised automatically (a holder on another host).
export async function runUnlock(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const settings = await resolveSettings(options, deps.env);
  if (isFannedOut(settings) && settings.workspace === null) {
    throw new UserInputError(`the state path ${settings.statePath} holds {projectId}: say which workspace's lock to remove with --workspace ID`);
  }
  const holder = await forceUnlock(settings.workspace === null ? settings.statePath : forWorkspace(settings, settings.workspace).statePath);
  if (json) io.stdout.write(`${JSON.stringify({ formatVersion: 1, removed: holder !== null, holder })}\n`);
  io.stderr.write(holder ? `removed the lock held by ${describeLockHolder(holder)}\n` : 'no lock was held\n');
  return EXIT.ok;
}
