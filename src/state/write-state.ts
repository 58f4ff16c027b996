import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatStateLines } from '../core/state/format-state.js';
import { STATE_FORMAT_VERSION, type State, type TaskRecord } from '../core/state/state-schema.js';
import { syncDirectory } from './sync-directory.js';

// Atomic replace: the file on disk is always either the old state or the new one, never a mix,
// whenever the process dies. Returns the state as written (serial + 1, in the current format).
// A state read in format 1 is migrated by this write; the old file is first copied (and synced) to
// `<state>.format1.bak`, so the migration can be undone by hand.
// The bytes are formatState's. `known`: a task's line the caller has already formatted, such as the
// journal line it wrote for that very record.
export async function writeState(path: string, state: State, known: (key: string, record: TaskRecord) => string | undefined = () => undefined): Promise<State> {
  const written: State = { ...state, formatVersion: STATE_FORMAT_VERSION, serial: state.serial + 1 };
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true });
  if (created !== undefined) await syncDirectory(dirname(created));
  if (state.formatVersion !== STATE_FORMAT_VERSION) await backUp(path, legacyBackupPathFor(path));
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeAndSync(tmp, formatStateLines(written, known));
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

// The file is written through two buffers of CHUNK_BYTES, used in turn: lines are encoded into one
// while the other is being written. Encoding the whole file into fresh memory, or joining it into one
// string first, cost several times more at 10,000 tasks (15 MB): mostly the first touch of that much
// new memory.
const CHUNK_BYTES = 1024 * 1024;

async function writeAndSync(path: string, lines: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  let writing: Promise<void> = Promise.resolve();
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let buffer = buffers[0]!;
    let used = 0;
    const flush = async () => {
      await writing;
      writing = handle.writeFile(buffer.subarray(0, used)); // from where the last write ended, every byte
      buffer = buffer === buffers[0] ? buffers[1]! : buffers[0]!;
      used = 0;
    };
    for (const line of lines) {
      const most = line.length * 3 + 1; // UTF-8 takes at most 3 bytes for a UTF-16 unit
      if (buffer.length - used < most) {
        await flush();
        // A line longer than a buffer gets a buffer of its own size, in the place of the one it replaces.
        if (buffer.length < most) buffer = buffers[buffer === buffers[0] ? 0 : 1] = Buffer.allocUnsafe(most);
      }
      used += buffer.write(line, used, 'utf8');
      buffer[used++] = 0x0a;
    }
    await flush();
    await writing;
    await handle.sync();
  } finally {
    await writing.catch(() => undefined); // a line that could not be formatted: no write may outlive the file
    await handle.close();
  }
}
