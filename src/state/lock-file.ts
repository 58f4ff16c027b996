import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

// The lock file beside a state file, and the low-level moves on it. Policy lives in lock.ts.

export const LockHolder = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(), // ISO 8601
  command: z.string(), // e.g. "dwsync apply"
});
export type LockHolder = z.infer<typeof LockHolder>;

export type FileId = { dev: number; ino: number };
export type FoundLock = FileId & { holder: LockHolder | null; mtimeMs: number }; // holder null: empty or damaged

export function lockPathFor(statePath: string): string {
  return `${statePath}.lock`;
}

// Exclusive create (O_EXCL). Returns the new file's identity, or null when a lock already exists.
export async function createLockFile(lockPath: string, holder: LockHolder): Promise<FileId | null> {
  let handle;
  try {
    handle = await open(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`, 'utf8');
    await handle.sync();
    const { dev, ino } = await handle.stat();
    return { dev, ino };
  } finally {
    await handle.close();
  }
}

// Reads identity and content through one handle, so both describe the same file even if the path is
// replaced meanwhile. Null when there is no lock.
export async function readLockFile(lockPath: string): Promise<FoundLock | null> {
  let handle;
  try {
    handle = await open(lockPath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { dev, ino, mtimeMs } = await handle.stat();
    const text = await handle.readFile('utf8');
    return { dev, ino, mtimeMs, holder: _parseHolder(text) };
  } finally {
    await handle.close();
  }
}

// Removes a stale lock so that exactly one of several racing takers removes it: each renames whatever
// is at the path to a unique name, and only the one that moved the file it judged stale (same inode)
// has it. A taker that moved a fresh lock instead (another taker already replaced the stale one) puts
// it back with link(), which never overwrites. True when the stale lock is gone (by us or by another).
export async function removeStaleLock(lockPath: string, stale: FileId): Promise<boolean> {
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // another taker got there first
    throw error;
  }
  const moved = await stat(aside);
  if (moved.dev === stale.dev && moved.ino === stale.ino) {
    await unlink(aside);
    return true;
  }
  try {
    await link(aside, lockPath);
  } catch (error) {
    // EEXIST: a third run created a lock in the moment the path was empty. Nothing safe is left to do;
    // its lock stands and the holder we moved keeps running without a file. Needs three runs racing.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await unlink(aside);
  return false;
}

// Unlinks the lock only if it is still the file we created.
export async function removeOwnLock(lockPath: string, own: FileId): Promise<void> {
  const found = await readLockFile(lockPath);
  if (found === null || found.dev !== own.dev || found.ino !== own.ino) return;
  await unlink(lockPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

function _parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
