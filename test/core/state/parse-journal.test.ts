import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../../src/core/state/parse-journal.js';
import { UserInputError } from '../../../src/errors.js';
import { aFailedRecord, anAppliedRecord, firstFormatJournalLine, journalHeader, journalLine, journalRemoval, LINEAGE } from '../../support/state-builders.js';

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
    const text = journalHeader(LINEAGE, 3) + journalLine('1/1', anAppliedRecord()) + journalRemoval('1/2') + journalLine('1/1', aFailedRecord());
    const parsed = parseJournal(text, PATH);
    expect(parsed.header).toEqual({ journal: 2, lineage: LINEAGE, baseSerial: 3 });
    expect(parsed.entries.map((e) => [e.key, e.record?.lastAttempt?.outcome ?? null])).toEqual([['1/1', 'applied'], ['1/2', null], ['1/1', 'failed']]);
    expect(JSON.parse(JSON.stringify(parsed.entries[2]!.record))).toEqual(aFailedRecord());
    expect(parsed.tornLine).toBeNull();
  });

  it('reads a record line as the state file reads it: the time and request id an applied attempt leaves out put back', () => {
    const { lastAttempt, ...rest } = anAppliedRecord();
    const text = journalHeader() + `${JSON.stringify({ key: '1/1', ...rest, lastAttempt: { outcome: lastAttempt!.outcome, attempts: lastAttempt!.attempts } })}\n`;
    expect(JSON.parse(JSON.stringify(parseJournal(text, PATH).entries[0]!.record))).toEqual(anAppliedRecord());
  });

  it('still reads a journal of the first format, which earlier versions wrote', () => {
    const text = journalHeader(LINEAGE, 3, 1) + firstFormatJournalLine('1/1', anAppliedRecord()) + firstFormatJournalLine('1/2', null);
    const parsed = parseJournal(text, PATH);
    expect(parsed.header).toEqual({ journal: 1, lineage: LINEAGE, baseSerial: 3 });
    expect(parsed.entries).toEqual([{ key: '1/1', record: anAppliedRecord() }, { key: '1/2', record: null }]);
  });

  it('refuses a line of the other format: format 1 lines in a format 2 journal and the reverse', () => {
    expect(refusalOf(journalHeader() + firstFormatJournalLine('1/1', anAppliedRecord()))).toMatch(/line 2 is not a valid record: file: /);
    expect(refusalOf(journalHeader(LINEAGE, 0, 1) + journalRemoval('1/1'))).toMatch(/line 2 is not a valid record: key: /);
  });

  it('refuses a removal of a key that is not a task key', () => {
    expect(refusalOf(`${journalHeader()}${journalRemoval('1/')}`)).toMatch(/^journal \S+ line 2 is not a valid record: remove: expected a key /);
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
    expect(refusalOf(`${journalHeader()}${JSON.stringify({ key: '1/1', file: 3, applied: null })}\n`)).toMatch(/^journal \S+ line 2 is not a valid record: file: /);
    expect(refusalOf(`${journalHeader(LINEAGE, 0, 1)}${JSON.stringify({ key: '1/1', record: { file: 3 } })}\n`)).toMatch(/^journal \S+ line 2 is not a valid record: record\.file: /);
  });

  it('refuses a header from a newer dwsync, and a first line that is not a header', () => {
    expect(refusalOf(`${JSON.stringify({ journal: 3, lineage: LINEAGE, baseSerial: 0 })}\n`)).toMatch(/has format 3: it was written by a newer dwsync; upgrade dwsync$/);
    expect(refusalOf(`${JSON.stringify({ journal: 1, lineage: '', baseSerial: 0 })}\n`)).toMatch(/line 1 is not a journal header: lineage: /);
  });
});

describe('parseJournal, headers that are not', () => {
  it('refuses a first line of null, or whose format is not a number, as not a journal header', () => {
    expect(refusalOf('null\n')).toMatch(/line 1 is not a journal header/);
    expect(refusalOf(`${JSON.stringify({ journal: '9', lineage: LINEAGE, baseSerial: 0 })}\n`)).toMatch(/line 1 is not a journal header/);
  });
});
