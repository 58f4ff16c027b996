import { spawn } from 'node:child_process';
import { readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { acquireLock, forceUnlock, isProcessAlive, UNREADABLE_LOCK_STALE_MS } from '../../src/state/lock.js';
import { createLockFile, removeStaleLock, takeoverMarkerPath } from '../../src/state/lock-file.js';
import { withTempDir } from '../support/temp-dir.js';

const NOW = Date.parse('2026-11-29T09:00:00.000Z');
const now = () => NOW;

// The pid of a process that has certainly exited.
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  expect(isProcessAlive(child.pid!)).toBe(false);
  return child.pid!;
}

async function writeHolder(statePath: string, holder: object): Promise<void> {
  await writeFile(`${statePath}.lock`, JSON.stringify(holder));
}

describe('acquireLock', () => {
  it('creates the lock with its holder and removes it on release', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, '.dwsync', 'state.json');
      const lock = await acquireLock(path, { command: 'dwsync apply', now, host: 'ci-7' });
      expect(lock.holder).toEqual({ pid: process.pid, host: 'ci-7', startedAt: '2026-11-29T09:00:00.000Z', command: 'dwsync apply' });
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toEqual({ ...lock.holder, token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      await lock.release();
      await lock.release(); // twice is harmless
      expect(await readdir(join(dir, '.dwsync'))).toEqual([]);
    });
  });

  it('refuses a second run, naming the holder', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const first = await acquireLock(path, { command: 'dwsync apply', now });
      await writeHolder(path, { pid: 4242, host: 'ci-7', startedAt: '2026-11-29T09:00:00.000Z', command: 'dwsync apply' });
      const error = await acquireLock(path, { command: 'dwsync plan', now, host: 'laptop' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as Error).message).toBe(
        `state ${path} is locked by dwsync apply (pid 4242 on host ci-7, since 2026-11-29T09:00:00Z); if that run is gone, run "dwsync unlock"`,
      );
      await first.release(); // not ours any more (replaced): must not be removed
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(4242);
    });
  });

  it('refuses while a live process on this host holds it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const first = await acquireLock(path, { command: 'dwsync apply', now, host: 'h' });
      await expect(acquireLock(path, { command: 'dwsync apply', now, host: 'h' })).rejects.toThrow(
        `is locked by dwsync apply (pid ${process.pid} on host h, since 2026-11-29T09:00:00Z)`,
      );
      await first.release();
    });
  });

  it('takes over a lock whose holder on this host has died', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeHolder(path, { pid: await deadPid(), host: 'h', startedAt: '2026-11-28T00:00:00.000Z', command: 'dwsync apply' });
      const lock = await acquireLock(path, { command: 'dwsync apply', now, host: 'h' });
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
      await lock.release();
      expect(await readdir(dir)).toEqual([]); // no aside file left behind
    });
  });

  it('does not judge a dead pid on another host', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeHolder(path, { pid: await deadPid(), host: 'elsewhere', startedAt: '2026-11-28T00:00:00.000Z', command: 'dwsync apply' });
      await expect(acquireLock(path, { command: 'dwsync apply', now, host: 'h' })).rejects.toThrow(/on host elsewhere/);
    });
  });

  it('treats an unreadable lock as being written until it is old enough', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(`${path}.lock`, '');
      const mtime = (await stat(`${path}.lock`)).mtimeMs;
      await expect(acquireLock(path, { command: 'dwsync apply', now: () => mtime + 1000 })).rejects.toThrow(
        `state ${path} is locked (the lock file ${path}.lock is being written or is damaged); if no other run is active, run "dwsync unlock"`,
      );
      const lock = await acquireLock(path, { command: 'dwsync apply', now: () => mtime + UNREADABLE_LOCK_STALE_MS + 1000 });
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    });
  });

  it('lets exactly one of several racing takers win over a stale lock', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const dead = await deadPid();
      for (let round = 0; round < 20; round++) {
        await writeHolder(path, { pid: dead, host: 'h', startedAt: '2026-11-28T00:00:00.000Z', command: 'dead' });
        const tries = await Promise.allSettled(
          [0, 1, 2, 3].map((i) => acquireLock(path, { command: `taker ${i}`, now, host: 'h' })),
        );
        const winners = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
        expect(winners).toHaveLength(1);
        for (const t of tries) if (t.status === 'rejected') expect(t.reason).toBeInstanceOf(UserInputError);
        expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).command).toBe(winners[0]!.holder.command);
        await winners[0]!.release();
        expect(await readdir(dir)).toEqual([]);
      }
    });
  });
});

describe('createLockFile', () => {
  it('never shows a racing reader a lock without its holder', { timeout: 90_000 }, async () => {
    await withTempDir(async (dir) => {
      const lockPath = join(dir, 'state.json.lock');
      const holder = { pid: process.pid, host: 'h', startedAt: 'x', command: 'dwsync apply' };
      // Another process reads the lock path in a tight loop, as a racing run would, and counts the reads
      // that found a file without a complete holder in it.
      const reader = spawn(process.execPath, ['-e', READER, lockPath, join(dir, 'stop')], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => reader.stdout.once('data', resolve)); // "ready"
      for (let round = 0; round < 150; round++) {
        expect(await createLockFile(lockPath, holder)).not.toBeNull();
        await unlink(lockPath);
      }
      await writeFile(join(dir, 'stop'), '');
      await new Promise((resolve) => reader.on('exit', resolve));
      const counts = JSON.parse(out.slice(out.indexOf('{'))) as { found: number; unreadable: number };
      expect(counts.found).toBeGreaterThan(0); // the reader did race the creations
      expect(counts.unreadable).toBe(0);
      expect((await readdir(dir)).filter((name) => name !== 'stop')).toEqual([]); // no draft left behind
    });
  });
});

const READER = `
const fs = require('node:fs');
const [lock, stop] = process.argv.slice(1);
let found = 0, unreadable = 0;
process.stdout.write('ready\\n');
while (!fs.existsSync(stop)) {
  let text;
  try { text = fs.readFileSync(lock, 'utf8'); } catch { continue; }
  found++;
  try { if (typeof JSON.parse(text).pid !== 'number') unreadable++; } catch { unreadable++; }
}
process.stdout.write(JSON.stringify({ found, unreadable }));
`;

describe('removeStaleLock', () => {
  const holder = { pid: 1, host: 'h', startedAt: 'x', command: 'stale' };

  it('removes the stale file it judged', async () => {
    await withTempDir(async (dir) => {
      const lockPath = join(dir, 'state.json.lock');
      const stale = (await createLockFile(lockPath, holder))!;
      expect(await removeStaleLock(lockPath, stale)).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('leaves a fresh lock that replaced the stale one, even on the same inode', async () => {
    await withTempDir(async (dir) => {
      const lockPath = join(dir, 'state.json.lock');
      const stale = (await createLockFile(lockPath, holder))!;
      await unlink(lockPath); // another taker removed it ...
      await createLockFile(lockPath, { ...holder, command: 'fresh' }); // ... and created its own
      expect(await removeStaleLock(lockPath, stale)).toBe(false);
      expect(JSON.parse(await readFile(lockPath, 'utf8')).command).toBe('fresh');
      expect(await readdir(dir)).toEqual(['state.json.lock']);
    });
  });

  it('backs off while another taker holds the takeover marker of that stale file', async () => {
    await withTempDir(async (dir) => {
      const lockPath = join(dir, 'state.json.lock');
      const stale = (await createLockFile(lockPath, holder))!;
      await writeFile(takeoverMarkerPath(lockPath, stale), '');
      expect(await removeStaleLock(lockPath, stale)).toBe(false);
      expect(JSON.parse(await readFile(lockPath, 'utf8')).command).toBe('stale');
      expect(await forceUnlock(join(dir, 'state.json'))).toEqual(holder); // unlock clears the marker too
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('forceUnlock', () => {
  it('removes any lock and returns its holder; null when there is none', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      expect(await forceUnlock(path)).toBeNull();
      const holder = { pid: 4242, host: 'ci-7', startedAt: '2026-11-29T09:00:00.000Z', command: 'dwsync apply' };
      await writeHolder(path, holder);
      expect(await forceUnlock(path)).toEqual(holder);
      expect(await readdir(dir)).toEqual([]);
      await writeFile(`${path}.lock`, '{"pi');
      await utimes(`${path}.lock`, new Date(), new Date());
      expect(await forceUnlock(path)).toBeNull();
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
