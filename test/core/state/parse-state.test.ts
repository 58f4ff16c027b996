import { describe, expect, it } from 'vitest';
import { formatState } from '../../../src/core/state/format-state.js';
import { parseState } from '../../../src/core/state/parse-state.js';
import { UserInputError } from '../../../src/errors.js';
import { anAppliedRecord, aState, LINEAGE, SALT } from '../../support/state-builders.js';

const ADVICE = 'restore it from version control (git) or repair it by hand; dwsync has not changed it';

function refusalOf(text: string): string {
  try {
    parseState(text, 'state.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error('parseState accepted the text');
}

// Format 1: one JSON document. Its problems are placed in the whole text.
const format1 = `{\n  "formatVersion": 1,\n  "lineage": "${LINEAGE}",\n  "serial": 1,\n  "tasks": {}\n}\n`;

describe('parseState tells a file cut short from a damaged one', () => {
  it.each([
    ['inside a string', format1.indexOf(LINEAGE) + 5],
    ['after a value', format1.indexOf('"serial": 1') + 11],
    ['after a colon', format1.indexOf('"formatVersion": 1') + 17],
    ['inside a key', format1.indexOf('"tasks"') + 3],
  ])('a format 1 file cut %s is truncated, and the message points at its end', (_, length) => {
    const text = format1.slice(0, length);
    const lines = text.split('\n');
    expect(refusalOf(text)).toBe(
      `state file state.json is truncated: its JSON ends early at line ${lines.length}, column ${lines.at(-1)!.length + 1}; ${ADVICE}`,
    );
  });

  it('a number cut at its decimal point is truncated too, not damaged', () => {
    expect(refusalOf('{"formatVersion": 1.')).toBe(`state file state.json is truncated: its JSON ends early at line 1, column 21; ${ADVICE}`);
  });

  it('a deeply nested file is refused, not a stack overflow', () => {
    expect(refusalOf(`{"tasks":${'['.repeat(200_000)}`)).toBe(`state file state.json is truncated: its JSON ends early at line 1, column 200010; ${ADVICE}`);
  });

  it('a damaged format 1 file is not valid JSON, at the first wrong character', () => {
    const text = format1.replace('"serial": 1', '"serial": 1,,');
    expect(refusalOf(text)).toMatch(/^state file state\.json is not valid JSON at line 4, column 15 \(.+\); restore it/);
  });

  it('a damaged string is not valid JSON, even at the end of the file', () => {
    expect(refusalOf('{"lineage": "a\\q')).toMatch(/^state file state\.json is not valid JSON at line 1, column 15 \(/);
  });

  const format2 = formatState(aState({ '1/1': anAppliedRecord(), '1/2': anAppliedRecord('jobs/b.yaml') }));
  const lines = format2.split('\n').filter(Boolean);

  it('a format 2 last line cut short is truncated, at the end of that line', () => {
    const cut = lines[2]!.slice(0, 50);
    expect(refusalOf([lines[0], lines[1], cut].join('\n'))).toBe(
      `state file state.json is truncated: its JSON ends early at line 3, column 51; ${ADVICE}`,
    );
  });

  it('a format 2 line cut short before the last one is damage, not a crash', () => {
    const cut = lines[1]!.slice(0, 50);
    expect(refusalOf([lines[0], cut, lines[2]].join('\n'))).toMatch(/^state file state\.json is not valid JSON at line 2, column 51 \(/);
  });

  it('names the path of a record that does not match the format, quoting keys that are not identifiers', () => {
    const text = JSON.stringify({ formatVersion: 1, lineage: LINEAGE, salt: SALT, serial: 0, tasks: { '1/1': { file: 7 } } });
    expect(refusalOf(text)).toMatch(/^state file state\.json does not match the state format: tasks\["1\/1"\]\.file: /);
  });

  it('says what a task key must look like when a format 1 file holds a malformed one', () => {
    const text = JSON.stringify({ formatVersion: 1, lineage: LINEAGE, salt: SALT, serial: 0, tasks: { 'not-a-key': {} } });
    expect(refusalOf(text)).toMatch(/^state file state\.json does not match the state format: tasks\.not-a-key: expected a key "projectId\/fileId" or "projectId\/folder\/name"/);
  });
});

describe('parseState refuses a format 2 line that is not one task record, naming its line', () => {
  const state = aState({ '10000/1': anAppliedRecord('jobs/a.yaml') });
  const [header, line] = formatState(state).trimEnd().split('\n') as [string, string];

  it('reads the lines back as they were written', () => {
    expect(parseState(`${header}\n${line}\n`, 'state.json').tasks['10000/1']).toMatchObject({ file: 'jobs/a.yaml' });
  });

  it('refuses a line that is not a JSON object', () => {
    expect(refusalOf(`${header}\n[1]\n`)).toMatch(/^state file state\.json does not match the state format at line 2: expected one task record, a JSON object with its "key"; repair it by hand/);
  });

  it('refuses a line whose key is not a task key', () => {
    expect(refusalOf(`${header}\n${line.replace('"10000/1"', '"not a key"')}\n`)).toMatch(/at line 2: key: \S/);
  });

  it('refuses a second line for one task', () => {
    expect(refusalOf(`${header}\n${line}\n${line}\n`)).toMatch(/at line 3: key: 10000\/1 has another line before this one/);
  });

  it('refuses a record that does not match the format', () => {
    expect(refusalOf(`${header}\n${line.replace('"jobs/a.yaml"', '7')}\n`)).toMatch(/at line 2: file: /);
  });

  it('refuses a header of a newer format, saying to upgrade dwsync', () => {
    expect(refusalOf(`${header.replace('"formatVersion":2', '"formatVersion":9')}\n`)).toMatch(/has formatVersion 9: it was written by a newer dwsync .*upgrade dwsync/);
  });

  it('refuses an empty file as truncated', () => {
    expect(refusalOf('  \n')).toBe(`state file state.json is empty (truncated); ${ADVICE}`);
  });
});
