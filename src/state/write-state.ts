import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatState } from './format-state.js';
import type { StateFile } from './state-schema.js';
import { syncDirectory } from './sync-directory.js';

// Atomic replace: the file on disk is always either the old state or the new one, never a mix,
// whenever the process dies. Returns the state as written (serial + 1).
export async function writeState(path: string, state: StateFile): Promise<StateFile> {
  const written: StateFile = { ...state, serial: state.serial + 1 };
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true });
  if (created !== undefined) await syncDirectory(dirname(created));
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await _writeAndSync(tmp, formatState(written));
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined); // best effort: the original error is the one to report
    throw error;
  }
  await syncDirectory(dir);
  return written;
}

async function _writeAndSync(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
