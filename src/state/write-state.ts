import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatState } from '../core/state/format-state.js';
import { STATE_FORMAT_VERSION, type State, type TaskRecord } from '../core/state/state-schema.js';
import { syncDirectory } from './sync-directory.js';

// Atomic replace: the file on disk is always either the old state or the new one, never a mix,
// whenever the process dies. Returns the state as written (serial + 1, in the current format).
// A state read in format 1 is migrated by this write; the old file is first copied (and synced) to
// `<state>.format1.bak`, so the migration can be undone by hand.
// `known`: lines the caller has already formatted (formatState).
export async function writeState(path: string, state: State, known?: (key: string, record: TaskRecord) => string | undefined): Promise<State> {
  const written: State = { ...state, formatVersion: STATE_FORMAT_VERSION, serial: state.serial + 1 };
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true });
  if (created !== undefined) await syncDirectory(dirname(created));
  if (state.formatVersion !== STATE_FORMAT_VERSION) await backUp(path, legacyBackupPathFor(path));
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeAndSync(tmp, formatState(written, known));
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined); // best effort: the original error is the one to report
    throw error;
  }
  await syncDirectory(dir);
  return written;
}

export function legacyBackupPathFor(statePath: string): string {
  return `${statePath}.format1.bak`;
}

// Copies the old file as it is; an existing backup (of an earlier migration) is kept, not overwritten.
async function backUp(path: string, backup: string): Promise<void> {
  try {
    await copyFile(path, backup, constants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return;
    throw error;
  }
  const handle = await open(backup, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAndSync(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
