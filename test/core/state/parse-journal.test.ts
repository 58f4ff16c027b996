import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../../src/core/state/parse-journal.js';
import { UserInputError } from '../../../src/errors.js';
import { aFailedRecord, anAppliedRecord, journalHeader, journalLine, LINEAGE } from '../../support/state-builders.js';

const PATH = '.dwsync/state.json.journal';

function refusalOf(text: string): string {
  const error = (() => {
    try {
      parseJournal(text, PATH);
    } catch (e) {
      return e;
    }
    throw new Error('parseJournal accepted the text');
  })();
  expect(error).toBeInstanceOf(UserInputError);
  return (error as Error).message;
}

describe('parseJournal', () => {
  it('reads the header and the entries in file order, a removal as a null record', () => {
    const text = journalHeader(LINEAGE, 3) + journalLine('1/1', anAppliedRecord()) + `${JSON.stringify({ key: '1/2', record: null })}\n` + journalLine('1/1', aFailedRecord());
    const parsed = parseJournal(text, PATH);
    expect(parsed.header).toEqual({ journal: 1, lineage: LINEAGE, baseSerial: 3 });
    expect(parsed.entries.map((e) => [e.key, e.record?.lastAttempt?.outcome ?? null])).toEqual([['1/1', 'applied'], ['1/2', null], ['1/1', 'failed']]);
    expect(parsed.tornLine).toBeNull();
  });

  it('drops a torn last line and says which, skipping blank lines and NUL padding', () => {
    const text = `${journalHeader()}\n${journalLine('1/1', anAppliedRecord())}{"key":"1/2","rec\n\0\0\0`;
    expect(parseJournal(text, PATH)).toMatchObject({ entries: [{ key: '1/1' }], tornLine: 4 });
  });

  it('has no header when even the header line was torn', () => {
    expect(parseJournal('{"journal":1,"lin', PATH)).toEqual({ header: null, entries: [], tornLine: 1 });
  });

  it('refuses a bad line that is not the last: damage, not a crash', () => {
    expect(refusalOf(`${journalHeader()}{"key":\n${journalLine('1/1', anAppliedRecord())}`)).toMatch(
      /^journal \.dwsync\/state\.json\.journal line 2 is not valid JSON but is not the last line, so it was damaged, not torn by a crash; move the journal aside/,
    );
  });

  it('refuses a record that does not match the format, naming the path', () => {
    expect(refusalOf(`${journalHeader()}${JSON.stringify({ key: '1/1', record: { file: 3 } })}\n`)).toMatch(/^journal \S+ line 2 is not a valid record: record\.file: /);
  });

  it('refuses a header from a newer dwsync, and a first line that is not a header', () => {
    expect(refusalOf(`${JSON.stringify({ journal: 2, lineage: LINEAGE, baseSerial: 0 })}\n`)).toMatch(/has format 2: it was written by a newer dwsync; upgrade dwsync$/);
    expect(refusalOf(`${JSON.stringify({ journal: 1, lineage: '', baseSerial: 0 })}\n`)).toMatch(/line 1 is not a journal header: lineage: /);
  });
});

describe('parseJournal, headers that are not', () => {
  it('refuses a first line of null, or whose format is not a number, as not a journal header', () => {
    expect(refusalOf('null\n')).toMatch(/line 1 is not a journal header/);
    expect(refusalOf(`${JSON.stringify({ journal: '9', lineage: LINEAGE, baseSerial: 0 })}\n`)).toMatch(/line 1 is not a journal header/);
  });
});
