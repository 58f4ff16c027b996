import { createHash, randomUUID } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { z } from 'zod';

// The lock file beside a state file, and the low-level moves on it. Policy lives in lock.ts.

export const LockHolder = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(), // ISO 8601
  command: z.string(), // e.g. "dwsync apply"
});
// The file also holds a random `token`, so that two locks never have the same bytes; it is not shown.
export type LockHolder = z.infer<typeof LockHolder>;

// Which lock file this is. The inode alone is not enough: a freed inode is reused at once by the next
// file created, so the bytes (which carry a random token) and the mtime take part too.
export type FileId = { dev: number; ino: number; mtimeMs: number; text: string };
export type FoundLock = FileId & { holder: LockHolder | null }; // holder null: empty or damaged

export function lockPathFor(statePath: string): string {
  return `${statePath}.lock`;
}

// Exclusive create. Returns the new file's identity, or null when a lock already exists.
// The holder is written and synced in a file of our own first, which is then hard-linked to the lock
// path: link() fails when the path exists, like O_EXCL, and a reader never sees the lock half-written.
// (Creating the lock path with O_EXCL and then writing it left a window in which a racing run read an
// empty file while its holder was alive, and refused with "damaged" instead of naming the holder.)
export async function createLockFile(lockPath: string, holder: LockHolder): Promise<FileId | null> {
  const text = `${JSON.stringify({ ...holder, token: randomUUID() })}\n`;
  const draft = `${lockPath}${DRAFT_INFIX}${process.pid}-${randomUUID()}`;
  const handle = await open(draft, 'wx', 0o644);
  let id: FileId;
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    const { dev, ino, mtimeMs } = await handle.stat();
    id = { dev, ino, mtimeMs, text };
  } finally {
    await handle.close();
  }
  try {
    await link(draft, lockPath);
    return id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  } finally {
    await unlinkIfPresent(draft);
  }
}

// Drafts of a run killed before linking its lock are left as `<lock>.draft-*`; "dwsync unlock" removes them.
export const DRAFT_INFIX = '.draft-';

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
    return { dev, ino, mtimeMs, text, holder: parseHolder(text) };
  } finally {
    await handle.close();
  }
}

// Removes a lock judged stale, safely against other takers that judged it too. Whoever creates the
// takeover marker of this particular stale file (O_EXCL) may check that the path still holds that file
// and unlink it; while the marker exists nobody else touches the path (the holder is dead, other takers
// wait, and a new run only creates a lock where there is none). The path is never emptied by moving a
// live lock away, so a third run cannot slip in. True when the stale file is gone.
// A taker killed while holding the marker leaves it behind; that stale lock then needs "dwsync unlock".
export async function removeStaleLock(lockPath: string, stale: FileId): Promise<boolean> {
  const marker = takeoverMarkerPath(lockPath, stale);
  try {
    await (await open(marker, 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false; // another taker is on it
    throw error;
  }
  try {
    const current = await readLockFile(lockPath);
    if (current === null) return true;
    if (!isSameFile(current, stale)) return false;
    await unlink(lockPath);
    return true;
  } finally {
    await unlinkIfPresent(marker);
  }
}

export function takeoverMarkerPath(lockPath: string, stale: FileId): string {
  const digest = createHash('sha256').update(stale.text).digest('hex').slice(0, 16);
  return `${lockPath}.takeover-${stale.dev}-${stale.ino}-${Math.trunc(stale.mtimeMs)}-${digest}`;
}

// Unlinks the lock only if it is still the file we created.
export async function removeOwnLock(lockPath: string, own: FileId): Promise<void> {
  const found = await readLockFile(lockPath);
  if (found === null || !isSameFile(found, own)) return;
  await unlinkIfPresent(lockPath);
}

export async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export function isSameFile(a: FileId, b: FileId): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.text === b.text;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
