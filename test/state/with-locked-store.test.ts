import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLockedStore } from '../../src/state/with-locked-store.js';
import { acquireLock } from '../../src/state/lock.js';
import { formatState } from '../../src/core/state/format-state.js';
import { UserInputError } from '../../src/errors.js';
import { readStateFile } from '../support/read-state-file.js';
import { aFailedRecord, anAppliedRecord, aState, journalHeader, journalLine, LINEAGE } from '../support/state-builders.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-locked-');
const lockOptions = { command: 'dwsync apply', now: () => Date.parse('2026-12-01T10:00:00Z') };
const noWarnings = (warning: string) => {
  throw new Error(`unexpected warning: ${warning}`);
};

async function aStatePath(): Promise<string> {
  const dir = await tempDir();
  const statePath = path.join(dir, 'state.json');
  await writeFile(statePath, formatState(aState({}, 4)));
  return statePath;
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('withLockedStore', () => {
  it('runs with the lock held and the store open, then writes the state and releases the lock', async () => {
    const statePath = await aStatePath();
    const result = await withLockedStore(statePath, lockOptions, noWarnings, async (store) => {
      expect(await exists(`${statePath}.lock`)).toBe(true);
      await expect(acquireLock(statePath, { ...lockOptions, command: 'dwsync plan' })).rejects.toThrow(UserInputError);
      expect(store.state.serial).toBe(4);
      await store.record('10000/1', aFailedRecord());
      return 'done';
    });
    expect(result).toBe('done');
    expect(await readdir(path.dirname(statePath))).toEqual(['state.json']);
    expect(await readStateFile(statePath)).toMatchObject({ serial: 5, tasks: { '10000/1': aFailedRecord() } });
  });

  it('closes the store and releases the lock when the run throws, keeping what it recorded', async () => {
    const statePath = await aStatePath();
    const failure = new Error('interrupted');
    await expect(
      withLockedStore(statePath, lockOptions, noWarnings, async (store) => {
        await store.record('10000/1', anAppliedRecord());
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readdir(path.dirname(statePath))).toEqual(['state.json']);
    expect(Object.keys((await readStateFile(statePath)).tasks)).toEqual(['10000/1']);
  });

  it("passes on what opening the store warned about, before the run", async () => {
    const statePath = await aStatePath();
    await writeFile(`${statePath}.journal`, journalHeader(LINEAGE, 4) + journalLine('10000/1', aFailedRecord()) + '{"key":"1/');
    const events: string[] = [];
    await withLockedStore(statePath, lockOptions, (warning) => events.push(warning), async (store) => {
      events.push(`run sees ${Object.keys(store.state.tasks).join(',')}`);
    });
    expect(events).toEqual([`journal ${statePath}.journal: dropped its torn last line 3 (a run was killed while writing it)`, 'run sees 10000/1']);
  });

  it('does not run when another run holds the lock, and leaves the state alone', async () => {
    const statePath = await aStatePath();
    const before = await readFile(statePath, 'utf8');
    const other = await acquireLock(statePath, { ...lockOptions, command: 'dwsync plan' });
    let ran = false;
    try {
      await expect(withLockedStore(statePath, lockOptions, noWarnings, async () => void (ran = true))).rejects.toThrow(UserInputError);
    } finally {
      await other.release();
    }
    expect(ran).toBe(false);
    expect(await readFile(statePath, 'utf8')).toBe(before);
  });

  it('releases the lock when the state cannot be opened', async () => {
    const statePath = await aStatePath();
    await writeFile(statePath, '{"formatVersion": 2,');
    let ran = false;
    await expect(withLockedStore(statePath, lockOptions, noWarnings, async () => void (ran = true))).rejects.toThrow(UserInputError);
    expect(ran).toBe(false);
    expect(await exists(`${statePath}.lock`)).toBe(false);
  });
});
