import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { UserInputError } from '../errors.js';
import {
  unlinkIfPresent,
  createLockFile,
  DRAFT_INFIX,
  lockPathFor,
  readLockFile,
  removeOwnLock,
  removeStaleLock,
  type FoundLock,
  type LockHolder,
} from './lock-file.js';
import { removeLeftovers } from './remove-leftovers.js';

export type { LockHolder } from './lock-file.js';
export { lockPathFor } from './lock-file.js';

export type StateLock = { holder: LockHolder; release(): Promise<void> };

export type AcquireLockOptions = {
  command: string; // shown to a run that finds the lock, e.g. "dwsync apply"
  now(): number;
  host?: string; // defaults to os.hostname()
  isAlive?: (pid: number) => boolean; // defaults to process.kill(pid, 0)
};

// A lock file that is empty or damaged comes from a run that died between creating and writing it,
// or is being written right now. Writing it takes milliseconds; after this long it is a dead run's.
export const UNREADABLE_LOCK_STALE_MS = 10_000;

const MAX_ROUNDS = 5; // each round: try to create, else judge and maybe remove a stale lock

// One run per state file. A lock whose holder is on this host and no longer running is stale and is
// taken over; anything else refuses with the holder's name. Locks on other hosts cannot be checked,
// so only "dwsync unlock" clears them.
export async function acquireLock(statePath: string, options: AcquireLockOptions): Promise<StateLock> {
  const lockPath = lockPathFor(statePath);
  const host = options.host ?? hostname();
  const isAlive = options.isAlive ?? isProcessAlive;
  const holder: LockHolder = { pid: process.pid, host, startedAt: new Date(options.now()).toISOString(), command: options.command };
  await mkdir(dirname(lockPath), { recursive: true });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const own = await createLockFile(lockPath, holder);
    if (own !== null) return { holder, release: () => removeOwnLock(lockPath, own) };
    const found = await readLockFile(lockPath);
    if (found === null) continue; // released meanwhile
    if (!isStale(found, { host, isAlive, now: options.now() })) throw lockedError(statePath, found);
    await removeStaleLock(lockPath, found);
  }
  // Still not ours: another taker won the race, or one died holding its takeover marker.
  const found = await readLockFile(lockPath);
  if (found !== null) throw lockedError(statePath, found);
  throw new UserInputError(`state ${statePath} is locked: other runs kept taking the lock; retry, or run "dwsync unlock" if none is active`);
}

// For "dwsync unlock": removes the lock whoever holds it. Returns its holder, or null when there was
// no lock or it could not be read.
export async function forceUnlock(statePath: string): Promise<LockHolder | null> {
  const lockPath = lockPathFor(statePath);
  const found = await readLockFile(lockPath);
  await unlinkIfPresent(lockPath);
  // Takeover markers left by a run killed in the middle of a takeover would block the next one.
  await removeLeftovers(lockPath, ['.takeover-', DRAFT_INFIX]);
  return found?.holder ?? null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: it exists, as another user
  }
}

export function lockedError(statePath: string, found: FoundLock): UserInputError {
  const h = found.holder;
  if (h === null) {
    return new UserInputError(
      `state ${statePath} is locked (the lock file ${lockPathFor(statePath)} is being written or is damaged); ` +
        `if no other run is active, run "dwsync unlock"`,
    );
  }
  return new UserInputError(`state ${statePath} is locked by ${describeLockHolder(h)}; if that run is gone, run "dwsync unlock"`);
}

// "dwsync apply (pid 4242 on host ci-7, since 2026-01-02T03:04:05Z)"
export function describeLockHolder(holder: LockHolder): string {
  const since = holder.startedAt.replace(/\.\d{3}Z$/, 'Z');
  return `${holder.command} (pid ${holder.pid} on host ${holder.host}, since ${since})`;
}

function isStale(found: FoundLock, here: { host: string; isAlive: (pid: number) => boolean; now: number }): boolean {
  if (found.holder === null) return here.now - found.mtimeMs > UNREADABLE_LOCK_STALE_MS;
  return found.holder.host === here.host && !here.isAlive(found.holder.pid);
}
