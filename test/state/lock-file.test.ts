import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLockFile, lockPathFor, readLockFile, removeOwnLock, removeStaleLock } from '../../src/state/lock-file.js';
import { withTempDir } from '../support/temp-dir.js';

const holder = { pid: 4242, host: 'build-1', startedAt: '2026-12-01T10:00:00.000Z', command: 'dwsync apply' };

describe('the lock file', () => {
  it('is created once, whole, beside the state file, and leaves no draft behind', async () => {
    await withTempDir(async (dir) => {
      const lock = lockPathFor(join(dir, 'state.json'));
      expect(lock).toBe(join(dir, 'state.json.lock'));
      const own = await createLockFile(lock, holder);
      expect(own).not.toBeNull();
      expect(await createLockFile(lock, { ...holder, pid: 7 })).toBeNull();
      expect(await readdir(dir)).toEqual(['state.json.lock']);
      const written = JSON.parse(await readFile(lock, 'utf8')) as Record<string, unknown>;
      expect(written).toMatchObject(holder);
      expect(written.token).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('reads its holder, or null for a damaged or missing one', async () => {
    await withTempDir(async (dir) => {
      const lock = join(dir, 'state.json.lock');
      expect(await readLockFile(lock)).toBeNull();
      await createLockFile(lock, holder);
      expect((await readLockFile(lock))?.holder).toEqual(holder);
      await writeFile(lock, '{"pid": "x"');
      expect(await readLockFile(lock)).toMatchObject({ holder: null, text: '{"pid": "x"' });
    });
  });

  it('is removed by its owner only while it is still the file the owner made', async () => {
    await withTempDir(async (dir) => {
      const lock = join(dir, 'state.json.lock');
      const own = (await createLockFile(lock, holder))!;
      await writeFile(lock, `${JSON.stringify({ ...holder, pid: 9 })}\n`); // replaced by someone else
      await removeOwnLock(lock, own);
      expect(await readdir(dir)).toEqual(['state.json.lock']);
      const current = (await readLockFile(lock))!;
      await removeOwnLock(lock, current);
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('is removed as stale only if it is the file judged stale, leaving no takeover marker', async () => {
    await withTempDir(async (dir) => {
      const lock = join(dir, 'state.json.lock');
      await createLockFile(lock, holder);
      const judged = (await readLockFile(lock))!;
      await writeFile(lock, `${JSON.stringify({ ...holder, pid: 10 })}\n`);
      expect(await removeStaleLock(lock, judged)).toBe(false);
      const now = (await readLockFile(lock))!;
      expect(await removeStaleLock(lock, now)).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
