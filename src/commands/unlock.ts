import { UserInputError } from '../errors.js';
import { forceUnlock } from '../state/lock.js';
import type { LockHolder } from '../state/lock.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { resolveSettings } from './resolve-settings.js';
import { forWorkspace, isFannedOut } from './workspaces.js';

export type UnlockReport = { formatVersion: 1; removed: boolean; holder: LockHolder | null };

// For the case a stale lock cannot be recognised automatically (a holder on another host).
export async function unlock(options: CommandOptions, deps: Pick<CommandDeps, 'env'>): Promise<UnlockReport> {
  const settings = await resolveSettings(options, deps.env);
  if (isFannedOut(settings) && settings.workspace === null) {
    throw new UserInputError(`the state path ${settings.statePath} holds {projectId}: say which workspace's lock to remove with --workspace ID`);
  }
  const holder = await forceUnlock(settings.workspace === null ? settings.statePath : forWorkspace(settings, settings.workspace).statePath);
  return { formatVersion: 1, removed: holder !== null, holder };
}
