import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldJournal } from '../../src/core/state/fold-journal.js';
import { formatTaskLine } from '../../src/core/state/format-state.js';
import type { TaskRecord } from '../../src/core/state/state-schema.js';
import { openJournal } from '../../src/state/journal.js';
import { aFailedRecord, anAppliedRecord, aState, LINEAGE } from '../support/state-builders.js';
import { withTempDir } from '../support/temp-dir.js';

// A record's journal line, as the state store writes it.
const line = (key: string, record: TaskRecord) => formatTaskLine(key, record);

describe('openJournal', () => {
  it('starts with a header naming the lineage and the base serial', async () => {
    await withTempDir(async (dir) => {
      const journal = await openJournal(join(dir, 'j'), { lineage: LINEAGE, serial: 5 });
      await journal.close();
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe(`{"journal":2,"lineage":"${LINEAGE}","baseSerial":5}\n`);
    });
  });

  it('refuses to clobber a journal that was not folded', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'j'), 'leftover\n');
      await expect(openJournal(join(dir, 'j'), { lineage: LINEAGE, serial: 0 })).rejects.toMatchObject({ code: 'EEXIST' });
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe('leftover\n');
    });
  });

  it('group-commits: 500 concurrent records are all on disk when they resolve, with far fewer syncs', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'j');
      const journal = await openJournal(path, { lineage: LINEAGE, serial: 0 });
      const keys = Array.from({ length: 500 }, (_, i) => `1/${i + 1}`);
      await Promise.all(keys.map((key) => journal.append(line(key, anAppliedRecord(`jobs/${key}.yaml`)))));
      // Read before close: resolution alone must mean the lines are in the file.
      const folded = foldJournal(aState(), await readFile(path, 'utf8'));
      expect(Object.keys(folded.state.tasks).sort()).toEqual([...keys].sort());
      const stats = journal.stats();
      expect(stats.records).toBe(500);
      expect(stats.writes).toBeLessThan(10);
      await journal.close();
    });
  });

  it('keeps batching records that arrive while a sync is in flight', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'j');
      const journal = await openJournal(path, { lineage: LINEAGE, serial: 0 });
      // Each worker records its next outcome as soon as the previous one is durable, like an apply.
      const worker = async (w: number) => {
        for (let i = 1; i <= 50; i++) await journal.append(line(`${w}/${i}`, aFailedRecord(`jobs/${w}-${i}.yaml`)));
      };
      await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(worker));
      const stats = journal.stats();
      expect(stats.records).toBe(400);
      expect(stats.writes).toBeLessThan(400);
      await journal.close();
      expect(Object.keys(foldJournal(aState(), await readFile(path, 'utf8')).state.tasks)).toHaveLength(400);
    });
  });

  it('writes each line as given, followed by a newline', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'j');
      const journal = await openJournal(path, { lineage: LINEAGE, serial: 0 });
      await journal.append('{"remove":"7/8"}');
      await journal.append('{"key":"7/9"}');
      await journal.close();
      expect((await readFile(path, 'utf8')).split('\n').slice(1)).toEqual(['{"remove":"7/8"}', '{"key":"7/9"}', '']);
    });
  });

  it('writes lines of many-byte characters and lines longer than any before whole', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'j');
      const journal = await openJournal(path, { lineage: LINEAGE, serial: 0 });
      const files = ['jobs/订单.yaml', `jobs/${'表'.repeat(20_000)}.yaml`, 'jobs/a.yaml', `jobs/${'x'.repeat(70_000)}.yaml`];
      await Promise.all(files.map((file, i) => journal.append(line(`1/${i + 1}`, aFailedRecord(file)))));
      await journal.close();
      const folded = foldJournal(aState(), await readFile(path, 'utf8'));
      expect(files.map((_, i) => folded.state.tasks[`1/${i + 1}`]?.file)).toEqual(files);
      expect(folded.tornTail).toBe(false);
    });
  });

  it('rejects lines after close', async () => {
    await withTempDir(async (dir) => {
      const journal = await openJournal(join(dir, 'j'), { lineage: LINEAGE, serial: 0 });
      await journal.close();
      await expect(journal.append(line('1/1', aFailedRecord()))).rejects.toThrow(/after close/);
    });
  });

  it('a power loss loses at most the group not yet synced: cut there, the fold keeps every record reported before', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'j');
      const journal = await openJournal(path, { lineage: LINEAGE, serial: 0 });
      const reported = Array.from({ length: 40 }, (_, i) => `1/${i + 1}`);
      await Promise.all(reported.map((key) => journal.append(line(key, anAppliedRecord(`jobs/${key}.yaml`)))));
      const synced = (await stat(path)).size; // every reported record is within these bytes
      const pending = Array.from({ length: 10 }, (_, i) => `2/${i + 1}`).map((key) => journal.append(line(key, anAppliedRecord(`jobs/${key}.yaml`))));
      const written = (await stat(path)).size; // the next group is in the file (a kill keeps it), not yet synced
      expect(written).toBeGreaterThan(synced);
      await Promise.all(pending);
      await journal.close();
      // What the disk may hold after the power loss: the synced prefix and part of the next group's first line.
      await truncate(path, synced + Math.floor((written - synced) / 20));
      const folded = foldJournal(aState(), await readFile(path, 'utf8'));
      expect(Object.keys(folded.state.tasks).sort()).toEqual([...reported].sort());
      expect(folded.tornTail).toBe(true);
    });
  });
});

