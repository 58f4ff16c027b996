import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { formatState } from '../../src/core/state/format-state.js';
import { parseState } from '../../src/core/state/parse-state.js';
import { readState } from '../../src/state/read-state.js';
import { aFailedRecord, anAppliedRecord, aState, journalHeader, journalLine, LINEAGE, stateLines } from '../support/state-builders.js';
import { withTempDir } from '../support/temp-dir.js';

const KEEP = 'restore it from version control (git) or repair it by hand; dwsync has not changed it';

// Reads must refuse, and leave every file exactly as it was.
async function expectRefusal(dir: string, files: Record<string, string>, message: string | RegExp): Promise<void> {
  const statePath = join(dir, 'state.json');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const error = await readState(statePath).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserInputError);
  const text = (error as Error).message.replaceAll(dir, 'DIR');
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect((await readdir(dir)).sort()).toEqual(Object.keys(files).sort());
  for (const [name, before] of Object.entries(files)) expect(await readFile(join(dir, name), 'utf8')).toBe(before);
}

describe('readState', () => {
  it('gives a fresh empty state, with a new lineage and salt, when there is no file', async () => {
    await withTempDir(async (dir) => {
      const first = await readState(join(dir, 'missing', 'state.json'));
      const second = await readState(join(dir, 'missing', 'state.json'));
      expect(first).toMatchObject({ exists: false, journal: { found: false }, warnings: [] });
      expect(first.state).toMatchObject({ formatVersion: 2, serial: 0, tasks: {} });
      expect(first.state.lineage).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.state.salt).toMatch(/^[0-9a-f]{64}$/);
      expect(second.state.lineage).not.toBe(first.state.lineage);
      expect(second.state.salt).not.toBe(first.state.salt);
      expect(await readdir(dir)).toEqual([]); // reading creates nothing
    });
  });

  it('reads a state and folds the journal beside it, in memory only', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const stateText = formatState(aState({ '1/1': anAppliedRecord() }, 3));
      const journalText = journalHeader(LINEAGE, 3) + journalLine('1/2', aFailedRecord());
      await writeFile(path, stateText);
      await writeFile(`${path}.journal`, journalText);
      const loaded = await readState(path);
      expect(loaded).toMatchObject({ exists: true, journal: { found: true, records: 1, tornTail: false }, warnings: [] });
      expect(Object.keys(loaded.state.tasks)).toEqual(['1/1', '1/2']);
      expect(await readFile(path, 'utf8')).toBe(stateText);
      expect(await readFile(`${path}.journal`, 'utf8')).toBe(journalText);
    });
  });

  it('recovers from a torn last journal line with a warning', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      await writeFile(path, formatState(aState()));
      await writeFile(`${path}.journal`, journalHeader() + journalLine('1/2', aFailedRecord()) + '{"key":"1/3","reco');
      const loaded = await readState(path);
      expect(loaded.journal).toEqual({ found: true, records: 1, tornTail: true });
      expect(loaded.warnings).toEqual([`journal ${path}.journal: dropped its torn last line 3 (a run was killed while writing it)`]);
    });
  });

  it('keeps fields it does not know (a newer dwsync wrote them) through a read and a format, in either format', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const record = { ...anAppliedRecord(), zNote: { by: 'future' } };
      const raw = { ...aState({ '1/1': record }), generator: 'dwsync 9' };
      for (const text of [JSON.stringify({ ...raw, formatVersion: 1 }), formatState(raw as never)]) {
        await writeFile(path, text);
        const again = stateLines(formatState((await readState(path)).state));
        expect(again.header.generator).toBe('dwsync 9');
        expect(again.records['1/1']!.zNote).toEqual({ by: 'future' });
      }
    });
  });

  it('reads a state of megabytes, lines of many-byte characters across its read chunks, as its text parses', async () => {
    const tasks = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`1/${i + 1}`, anAppliedRecord(`jobs/订单-${'表'.repeat(i % 300)}.yaml`, `req-${i}`)]));
    const text = formatState(aState(tasks, 3));
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 2 ** 20); // read 1 MiB at a time
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'state.json'), text);
      expect((await readState(join(dir, 'state.json'))).state).toEqual(parseState(text, 'state.json'));
      const lines = text.split('\n');
      const cut = lines.slice(0, -2).join('\n').length + 1 + Math.floor(lines.at(-2)!.length / 2); // inside the last line
      await withTempDir((other) =>
        expectRefusal(other, { 'state.json': text.slice(0, cut) }, new RegExp(`^state file DIR/state\\.json is truncated: its JSON ends early at line ${lines.length - 1}, column \\d+`)),
      );
    });
  });

  it('reads a format 1 state (one JSON document) as the same state', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const state = aState({ '1/1': anAppliedRecord(), '1/2': aFailedRecord() }, 5);
      await writeFile(path, `${JSON.stringify({ ...state, formatVersion: 1 }, null, 2)}\n`);
      expect((await readState(path)).state).toEqual({ ...state, formatVersion: 1 });
      await writeFile(path, formatState(state));
      expect((await readState(path)).state).toEqual(state);
    });
  });

  it('refuses a damaged task line of a format 2 state, naming its line', async () => {
    const lines = formatState(aState({ '1/1': anAppliedRecord(), '1/2': aFailedRecord() })).split('\n');
    const broken = (index: number, line: string) => lines.map((l, i) => (i === index ? line : l)).join('\n');
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': broken(2, lines[2]!.replace('"outcome":"failed"', '"outcome":"maybe"')) }, /^state file DIR\/state\.json does not match the state format at line 3: lastAttempt\.outcome: Invalid option/),
    );
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': broken(1, lines[1]!.slice(0, 40)) }, /^state file DIR\/state\.json is not valid JSON at line 2, column 41 /),
    );
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': broken(2, lines[1]!) }, /^state file DIR\/state\.json does not match the state format at line 3: key: 1\/1 has another line before this one/),
    );
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': lines.slice(0, 3).join('\n').slice(0, -30) }, /^state file DIR\/state\.json is truncated: its JSON ends early at line 3, column \d+/),
    );
  });

  it('refuses an empty state file', async () => {
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': '' }, `state file DIR/state.json is empty (truncated); ${KEEP}`),
    );
  });

  it('refuses a truncated state file, saying where it ends', async () => {
    const text = formatState(aState({ '1/1': anAppliedRecord() })).slice(0, 120);
    const lines = text.split('\n');
    const where = `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
    await withTempDir((dir) =>
      expectRefusal(dir, { 'state.json': text }, `state file DIR/state.json is truncated: its JSON ends early at ${where}; ${KEEP}`),
    );
  });

  it('refuses a state file that is not JSON, with the position', async () => {
    const text = '{\n  "formatVersion": 1,\n  "serial": 2,,\n}\n';
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json': text },
        /^state file DIR\/state\.json is not valid JSON at line 3, column 15 \(.+\); restore it from version control/,
      ),
    );
  });

  it('refuses a state written by a newer dwsync', async () => {
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json': formatState(aState()).replace('"formatVersion":2', '"formatVersion":3') },
        'state file DIR/state.json has formatVersion 3: it was written by a newer dwsync (this one reads formatVersion 2 and 1); upgrade dwsync',
      ),
    );
  });

  it('refuses a state that breaks the schema, naming the path and what is wrong', async () => {
    const bad = aState({ '1/1': { ...anAppliedRecord(), lastAttempt: { at: 'x', outcome: 'maybe', attempts: 1 } } as never });
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json': JSON.stringify({ ...bad, formatVersion: 1, serial: 'one' }) },
        'state file DIR/state.json does not match the state format: serial: Invalid input: expected number, received string; ' +
          'tasks["1/1"].lastAttempt.outcome: Invalid option: expected one of "applied"|"failed"|"skipped"; ' +
          'repair it by hand or restore it from version control (git); dwsync has not changed it',
      ),
    );
  });

  it('refuses a journal of another lineage, and a corrupt middle line', async () => {
    const state = formatState(aState());
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json': state, 'state.json.journal': journalHeader('b0b') + journalLine('1/2', aFailedRecord()) },
        /^journal DIR\/state\.json\.journal belongs to another state \(its lineage is b0b, the state file's is 6f1c/,
      ),
    );
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json': state, 'state.json.journal': `${journalHeader()}garbage\n${journalLine('1/2', aFailedRecord())}` },
        /^journal DIR\/state\.json\.journal line 2 is not valid JSON but is not the last line/,
      ),
    );
  });

  it('refuses a journal without its state file', async () => {
    await withTempDir((dir) =>
      expectRefusal(
        dir,
        { 'state.json.journal': journalHeader() + journalLine('1/2', aFailedRecord()) },
        'journal DIR/state.json.journal exists but its state file DIR/state.json does not; ' +
          'put back the state file (e.g. from git), or move the journal aside to start a new state',
      ),
    );
  });

  it('refuses a state path that cannot be read', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'state.json'));
      await expect(readState(join(dir, 'state.json'))).rejects.toThrow(/^cannot read state file .*state\.json: EISDIR/);
    });
  });
});
