import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatState } from '../../src/core/state/format-state.js';
import { readState } from '../../src/state/read-state.js';
import { openStateStore } from '../../src/state/state-store.js';
import { writeState } from '../../src/state/write-state.js';
import { aFailedRecord, anAppliedRecord, aState, journalHeader, journalLine, LINEAGE } from '../support/state-builders.js';
import { withTempDir } from '../support/temp-dir.js';

const identity = () => ({ lineage: LINEAGE, salt: 'cd'.repeat(32) });

describe('openStateStore', () => {
  it('creates a new state on disk before journaling, and folds the run into it on close', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, '.dwsync', 'state.json');
      const store = await openStateStore(path, { newIdentity: identity });
      expect(store.loaded.exists).toBe(false);
      expect((await readdir(join(dir, '.dwsync'))).sort()).toEqual(['state.json', 'state.json.journal']);
      expect((await readState(path)).state.lineage).toBe(LINEAGE); // the lineage is on disk already
      await store.record('1/1', anAppliedRecord());
      await store.record('1/2', aFailedRecord());
      expect(Object.keys(store.state.tasks)).toEqual(['1/1', '1/2']);
      const closed = await store.close();
      expect(closed.serial).toBe(2);
      expect(await readdir(join(dir, '.dwsync'))).toEqual(['state.json']);
      expect(await readFile(path, 'utf8')).toBe(formatState(closed));
      expect((await readState(path)).state.tasks['1/2']).toEqual(aFailedRecord());
    });
  });

  it('leaves an existing state untouched when the run records nothing', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const text = formatState(aState({ '1/1': anAppliedRecord() }, 9));
      await writeFile(path, text);
      const store = await openStateStore(path);
      expect((await store.close()).serial).toBe(9);
      expect(await readFile(path, 'utf8')).toBe(text);
      expect(await readdir(dir)).toEqual(['state.json']);
    });
  });

  it('removes the temp file of a state write that was killed before its rename, and keeps other files', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const text = formatState(aState({ '1/1': anAppliedRecord() }, 4));
      await writeFile(path, text);
      await writeFile(`${path}.tmp-424242`, text.slice(0, 20)); // a write cut short by a kill
      await writeFile(join(dir, 'other.json.tmp-1'), 'not ours');
      const store = await openStateStore(path);
      await store.close();
      expect((await readdir(dir)).sort()).toEqual(['other.json.tmp-1', 'state.json']);
      expect(await readFile(path, 'utf8')).toBe(text);
    });
  });

  it('folds a journal left by a killed run when it opens, then journals afresh', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(path, formatState(aState({}, 4)));
      await writeFile(`${path}.journal`, journalHeader(LINEAGE, 4) + journalLine('1/1', aFailedRecord()) + '{"key":"1/');
      const store = await openStateStore(path);
      expect(store.loaded.journal).toEqual({ found: true, records: 1, tornTail: true });
      expect(store.loaded.warnings).toHaveLength(1);
      expect((await readState(path)).state).toMatchObject({ serial: 5, tasks: { '1/1': aFailedRecord() } });
      expect(await readFile(`${path}.journal`, 'utf8')).toBe(journalHeader(LINEAGE, 5));
      await store.record('1/2', anAppliedRecord());
      const closed = await store.close();
      expect(closed.serial).toBe(6);
      expect(Object.keys(closed.tasks)).toEqual(['1/1', '1/2']);
    });
  });

  it('survives a crash between writing the state and removing the journal: the refold changes nothing', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const store = await openStateStore(path, { newIdentity: identity });
      await store.record('1/1', anAppliedRecord());
      await store.record('1/1', anAppliedRecord('jobs/a.yaml', 'req-2'));
      // The first half of close, then "the process dies": the journal stays beside the new state.
      const written = await writeState(path, store.state);
      const reread = await readState(path);
      expect(reread.journal.found).toBe(true);
      expect(reread.state).toEqual(written);
      await store.close();
      expect((await readState(path)).state.tasks).toEqual(written.tasks);
    });
  });

  it('refuses to open, and changes nothing, when a leftover journal is corrupt', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const stateText = formatState(aState());
      const journalText = `${journalHeader()}oops\n${journalLine('1/1', aFailedRecord())}`;
      await writeFile(path, stateText);
      await writeFile(`${path}.journal`, journalText);
      await expect(openStateStore(path)).rejects.toThrow(/line 2 is not valid JSON/);
      expect(await readFile(path, 'utf8')).toBe(stateText);
      expect(await readFile(`${path}.journal`, 'utf8')).toBe(journalText);
    });
  });

  it('removes a record durably: a run killed before close still leaves it removed, named keys included', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const named = '1/Business Flow/ods/u_pk';
      await writeFile(path, formatState(aState({ '1/1': anAppliedRecord(), [named]: { ...anAppliedRecord(), fileId: 42 } }, 3)));
      const store = await openStateStore(path);
      await store.remove(named);
      expect(Object.keys(store.state.tasks)).toEqual(['1/1']);
      // No close: the journal on disk is all the next run has.
      const journal = await readFile(`${path}.journal`, 'utf8');
      expect(journal.trim().split('\n').at(-1)).toBe(JSON.stringify({ remove: named }));
      expect(Object.keys((await readState(path)).state.tasks)).toEqual(['1/1']);
    });
  });

  it('journals each record as the line the state file then holds for it, and a removal as the key alone', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(path, formatState(aState({ '1/3': anAppliedRecord() }, 3)));
      const store = await openStateStore(path);
      await store.record('1/1', aFailedRecord());
      await store.record('1/2', anAppliedRecord('jobs/a.yaml', 'req-a'));
      await store.record('1/2', anAppliedRecord('jobs/b.yaml', 'req-b')); // a later outcome of the same task
      await store.remove('1/3');
      const journal = (await readFile(`${path}.journal`, 'utf8')).trim().split('\n').slice(1);
      await store.close();
      // Judged on the text: the state's lines after its header are the journal's last line for each key.
      const stateLines = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
      expect(stateLines).toEqual([journal[0], journal[2]]);
      expect(journal[3]).toBe('{"remove":"1/3"}');
      expect(stateLines[1]).toContain('"file":"jobs/b.yaml"');
    });
  });

  it('writes the record the state holds at close, even one put there without record()', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const store = await openStateStore(path, { newIdentity: identity });
      await store.record('1/1', aFailedRecord('jobs/journaled.yaml'));
      store.state.tasks['1/1'] = aFailedRecord('jobs/replaced.yaml');
      await store.close();
      expect(await readFile(path, 'utf8')).toContain('"file":"jobs/replaced.yaml"');
    });
  });

  it('rejects a record or a removal with a bad key, and writes no line for it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const store = await openStateStore(path, { newIdentity: identity });
      await expect(store.record('nope', aFailedRecord())).rejects.toThrow(/bad task key "nope"/);
      await expect(store.remove('1/')).rejects.toThrow(/bad task key "1\/"/);
      expect((await readFile(`${path}.journal`, 'utf8')).trim().split('\n')).toHaveLength(1);
      await store.close();
    });
  });

  it('rejects a record after close', async () => {
    await withTempDir(async (dir) => {
      const store = await openStateStore(join(dir, 'state.json'));
      await store.close();
      await expect(store.record('1/1', aFailedRecord())).rejects.toThrow(/after close/);
    });
  });
});
