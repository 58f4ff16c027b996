import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatState } from '../../src/state/format-state.js';
import { readState } from '../../src/state/read-state.js';
import { writeState } from '../../src/state/write-state.js';
import { aFailedRecord, anAppliedRecord, aState, withTempDir } from './builders.js';

describe('writeState', () => {
  it('creates the folder, grows the serial on every write and leaves no temporary file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, '.dwsync', 'state.json');
      const first = await writeState(path, aState({ '1/1': anAppliedRecord() }, 0));
      const second = await writeState(path, first);
      expect([first.serial, second.serial]).toEqual([1, 2]);
      expect(await readdir(join(dir, '.dwsync'))).toEqual(['state.json']);
      const loaded = await readState(path);
      expect(loaded.state).toEqual(second);
      expect(loaded.exists).toBe(true);
    });
  });

  it('replaces the old state whole', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(path, 'x'.repeat(100_000)); // longer than the new state: nothing of it may remain
      await writeState(path, aState());
      expect((await readState(path)).state.serial).toBe(1);
    });
  });

  it('leaves the old file and no temporary one when the write fails', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(path, 'old');
      // A non-empty folder at the target path makes the rename fail after the temp file was written.
      const blocked = join(dir, 'blocked');
      await writeFile(join(dir, 'keep'), '');
      await mkdir(join(blocked, 'sub'), { recursive: true });
      await expect(writeState(blocked, aState())).rejects.toThrow();
      expect((await readdir(dir)).sort()).toEqual(['blocked', 'keep', 'state.json']);
      expect(await readFile(path, 'utf8')).toBe('old');
    });
  });
});

describe('formatState', () => {
  it('sorts tasks by key and orders fields as the schema does, whatever order they came in', () => {
    const applied = anAppliedRecord();
    const shuffled = { lastAttempt: applied.lastAttempt, applied: applied.applied, file: applied.file };
    const a = aState({ '10/2': aFailedRecord(), '10/10': shuffled, '9/1': applied }, 4);
    const b = aState({ '9/1': applied, '10/10': applied, '10/2': aFailedRecord() }, 4);
    const text = formatState(a);
    expect(text).toBe(formatState(b));
    expect(Object.keys(JSON.parse(text).tasks)).toEqual(['10/10', '10/2', '9/1']);
    expect(Object.keys(JSON.parse(text).tasks['10/10'])).toEqual(['file', 'applied', 'lastAttempt']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "formatVersion": 1,');
  });

  it('keeps the key order inside taskContent', () => {
    const record = anAppliedRecord();
    const content = { version: '2.0', type: 'job' };
    const text = formatState(aState({ '1/1': { ...record, applied: { ...record.applied!, taskContent: content } } }));
    expect(Object.keys(JSON.parse(text).tasks['1/1'].applied.taskContent)).toEqual(['version', 'type']);
  });
});
