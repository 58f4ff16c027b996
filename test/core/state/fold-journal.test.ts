import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/errors.js';
import { foldJournal } from '../../../src/core/state/fold-journal.js';
import { aFailedRecord, anAppliedRecord, aState, journalHeader, journalLine, journalRemoval } from '../../support/state-builders.js';

describe('foldJournal', () => {
  it('applies every record on top of the state, leaving the serial alone', () => {
    const state = aState({ '1/1': anAppliedRecord('jobs/a.yaml') }, 7);
    const text = journalHeader(undefined, 7) + journalLine('1/2', aFailedRecord()) + journalLine('1/3', anAppliedRecord('jobs/c.yaml'));
    const folded = foldJournal(state, text);
    expect(Object.keys(folded.state.tasks).sort()).toEqual(['1/1', '1/2', '1/3']);
    expect(folded.state.tasks['1/2']).toEqual(aFailedRecord());
    expect(folded.state.serial).toBe(7);
    expect(folded).toMatchObject({ tornTail: false, tornLine: null, records: 2, baseSerial: 7 });
    expect(state.tasks['1/2']).toBeUndefined(); // pure: the input is not changed
  });

  it('lets a later line for the same key win', () => {
    const text = journalHeader() + journalLine('1/2', aFailedRecord()) + journalLine('1/2', anAppliedRecord('jobs/x.yaml', 'req-9'));
    const folded = foldJournal(aState(), text);
    expect(folded.state.tasks['1/2']?.lastAttempt?.requestId).toBe('req-9');
    expect(folded.records).toBe(2);
  });

  it('is idempotent: folding the same journal twice gives the same state', () => {
    const text = journalHeader() + journalLine('1/2', aFailedRecord()) + journalLine('1/3', anAppliedRecord());
    const once = foldJournal(aState({ '1/9': anAppliedRecord() }), text).state;
    const twice = foldJournal(once, text).state;
    expect(twice).toEqual(once);
  });

  it('drops a torn last line and says so', () => {
    const whole = journalLine('1/2', aFailedRecord());
    const text = journalHeader() + whole + journalLine('1/3', anAppliedRecord()).slice(0, 40);
    const folded = foldJournal(aState(), text);
    expect(folded).toMatchObject({ tornTail: true, tornLine: 3, records: 1 });
    expect(Object.keys(folded.state.tasks)).toEqual(['1/2']);
  });

  it('treats NUL padding after the last line as nothing', () => {
    const text = journalHeader() + journalLine('1/2', aFailedRecord()) + '\0'.repeat(64);
    const folded = foldJournal(aState(), text);
    expect(folded).toMatchObject({ tornTail: false, records: 1 });
  });

  it('folds nothing when even the header was torn', () => {
    const folded = foldJournal(aState(), journalHeader().slice(0, 10));
    expect(folded).toMatchObject({ tornTail: true, records: 0, baseSerial: null });
    expect(folded.state.tasks).toEqual({});
  });

  it('refuses a corrupt line that is not the last one', () => {
    const text = journalHeader() + '{"key":"1/2","rec\n' + journalLine('1/3', anAppliedRecord());
    expect(() => foldJournal(aState(), text, '.dwsync/state.json.journal')).toThrow(
      new UserInputError(
        'journal .dwsync/state.json.journal line 2 is not valid JSON but is not the last line, so it was damaged, not torn by a crash; ' +
          'move the journal aside to discard its records (the state file itself is intact), or repair that line',
      ),
    );
  });

  it('refuses a whole line that is not a record', () => {
    const text = journalHeader() + '{"key":"1/2","file":3,"applied":null}\n';
    expect(() => foldJournal(aState(), text, 'j')).toThrow(/^journal j line 2 is not a valid record: file: .*expected string/);
  });

  it('refuses a journal of another lineage', () => {
    const text = journalHeader('other-lineage') + journalLine('1/2', aFailedRecord());
    expect(() => foldJournal(aState(), text, 's.json.journal')).toThrow(
      'journal s.json.journal belongs to another state (its lineage is other-lineage, the state file\'s is 6f1c2a0e-8a51-4d1b-9a43-3f0d2c1b7e55); ' +
        'move the journal aside if it is stale, or put back the state file it belongs to',
    );
  });

  it('refuses a journal from a newer dwsync and one without a header', () => {
    expect(() => foldJournal(aState(), '{"journal":3,"lineage":"x","baseSerial":0}\n', 'j')).toThrow(
      'journal j has format 3: it was written by a newer dwsync; upgrade dwsync',
    );
    expect(() => foldJournal(aState(), journalLine('1/2', aFailedRecord()), 'j')).toThrow(/^journal j line 1 is not a journal header: journal: /);
  });
});

describe('foldJournal, removals', () => {
  it('removes the record of a key whose line says null', () => {
    const state = aState({ '1/1': anAppliedRecord(), '1/2': aFailedRecord() });
    const journal = `${journalHeader()}${journalRemoval('1/1')}`;
    const folded = foldJournal(state, journal).state;
    expect(Object.keys(folded.tasks)).toEqual(['1/2']);
  });

  it('names the journal "journal" when no path is given', () => {
    expect(() => foldJournal(aState(), journalHeader('another-lineage'))).toThrow(/^journal journal belongs to another state/);
  });
});
