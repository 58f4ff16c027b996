import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatState, formatTaskLine } from '../../src/core/state/format-state.js';
import type { TaskRecord } from '../../src/core/state/state-schema.js';
import { readState } from '../../src/state/read-state.js';
import { writeState } from '../../src/state/write-state.js';
import { aFailedRecord, anAppliedRecord, aState, LINEAGE, SALT, stateLines } from '../support/state-builders.js';
import { withTempDir } from '../support/temp-dir.js';

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

  it('writes the bytes formatState gives, in UTF-8, whether a line is handed over already formatted or not', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      // Several megabytes (more than the buffers it is written through), text beyond ASCII, and one
      // line longer than a buffer.
      const tasks: Record<string, TaskRecord> = {};
      for (let i = 1; i <= 3_000; i++) tasks[`7/${i}`] = anAppliedRecord(`jobs/订单_${i}_${'x'.repeat(1_000)}.yaml`);
      tasks['7/1500'] = anAppliedRecord(`jobs/${'订'.repeat(1_000_000)}.yaml`);
      const known = (key: string, record: TaskRecord) => (key.endsWith('3') ? formatTaskLine(key, record) : undefined);
      const written = await writeState(path, aState(tasks, 0), known);
      expect((await readFile(path)).equals(Buffer.from(formatState(written), 'utf8'))).toBe(true);
    });
  });

  it('writes a line handed over already formatted as it is, without formatting that record again', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const sentinel = '{"key":"1/1","file":"given"}';
      await writeState(path, aState({ '1/1': anAppliedRecord(), '1/2': anAppliedRecord('jobs/b.yaml') }, 0), (key) => (key === '1/1' ? sentinel : undefined));
      const lines = (await readFile(path, 'utf8')).split('\n');
      expect(lines[1]).toBe('{"key":"1/1","file":"given"}');
      expect(lines[2]).toContain('"file":"jobs/b.yaml"');
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
  it('writes a header line, then one compact line per task sorted by key, fields in the schema\'s order', () => {
    const applied = anAppliedRecord();
    const shuffled = { lastAttempt: applied.lastAttempt, applied: applied.applied, file: applied.file };
    const a = aState({ '10/2': aFailedRecord(), '10/10': shuffled, '9/1': applied }, 4);
    const b = aState({ '9/1': applied, '10/10': applied, '10/2': aFailedRecord() }, 4);
    const text = formatState(a);
    expect(text).toBe(formatState(b));
    const lines = text.split('\n');
    expect(lines).toHaveLength(5); // header, three tasks, and the final newline
    expect(lines[0]).toBe(`{"formatVersion":2,"serial":4,"lineage":"${LINEAGE}","salt":"${SALT}"}`);
    expect(lines[4]).toBe('');
    const { keys, records } = stateLines(text);
    expect(keys).toEqual(['10/10', '10/2', '9/1']);
    expect(Object.keys(records['10/10']!)).toEqual(['file', 'applied', 'lastAttempt']);
    expect(lines[1]!.startsWith('{"key":"10/10","file":')).toBe(true);
  });

  it('says the applied attempt\'s time and request id once, and a changed task is a one-line diff', () => {
    const before = aState({ '1/1': anAppliedRecord(), '1/2': anAppliedRecord('jobs/b.yaml', 'req-2'), '1/3': aFailedRecord() }, 4);
    const text = formatState(before);
    expect(stateLines(text).records['1/1']!.lastAttempt).toEqual({ outcome: 'applied', attempts: 1 });
    expect(stateLines(text).records['1/3']!.lastAttempt).toEqual(aFailedRecord().lastAttempt); // nothing to share
    const after = formatState({ ...before, tasks: { ...before.tasks, '1/2': anAppliedRecord('jobs/b.yaml', 'req-3') } });
    const changed = text.split('\n').map((line, i) => (line === after.split('\n')[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toEqual([2]);
  });

  it('keeps the key order inside taskContent', () => {
    const record = anAppliedRecord();
    const content = { version: '2.0', type: 'job' };
    const text = formatState(aState({ '1/1': { ...record, applied: { ...record.applied!, taskContent: content } } }));
    expect(Object.keys((stateLines(text).records['1/1']!.applied as { taskContent: object }).taskContent)).toEqual(['version', 'type']);
  });
});

describe('writeState from a format 1 state', () => {
  it('writes format 2 and first keeps the old file as <state>.format1.bak, once', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const old = `${JSON.stringify({ ...aState({ '1/1': anAppliedRecord() }, 6), formatVersion: 1 }, null, 2)}\n`;
      await writeFile(path, old);
      const loaded = await readState(path);
      const written = await writeState(path, loaded.state);
      expect(written).toMatchObject({ formatVersion: 2, serial: 7 });
      expect(await readFile(`${path}.format1.bak`, 'utf8')).toBe(old);
      const lines = stateLines(await readFile(path, 'utf8'));
      expect(lines.header).toMatchObject({ formatVersion: 2, serial: 7, lineage: LINEAGE });
      expect(lines.keys).toEqual(['1/1']);
      await writeState(path, written); // already format 2: no new backup
      expect(await readFile(`${path}.format1.bak`, 'utf8')).toBe(old);
      expect((await readdir(dir)).sort()).toEqual(['state.json', 'state.json.format1.bak']);
    });
  });
});
