import { describe, expect, it } from 'vitest';
import { formatState } from '../../../src/core/state/format-state.js';
import { parseState } from '../../../src/core/state/parse-state.js';
import { UserInputError } from '../../../src/errors.js';
import { lazyJsonText } from '../../../src/core/text/define-lazy.js';
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

describe('parseState tells the two formats apart by the first line', () => {
  const header = formatState(aState()).trimEnd();

  it('reads a format 2 file of only its header line, with or without a final newline, as no tasks', () => {
    expect(parseState(`${header}\n`, 'state.json')).toEqual(aState());
    expect(parseState(header, 'state.json')).toEqual(aState());
  });

  it('reads a format 1 document written on one line with its tasks, even when it says formatVersion 2', () => {
    const state = aState({ '1/1': anAppliedRecord() });
    expect(parseState(JSON.stringify(state), 'state.json')).toEqual(state);
    expect(parseState(JSON.stringify({ ...state, formatVersion: 1 }), 'state.json').tasks).toEqual(state.tasks);
  });

  it('reads a format 1 file over several lines', () => {
    const state = { ...aState({ '1/1': anAppliedRecord() }), formatVersion: 1 as const };
    expect(parseState(`${JSON.stringify(state, null, 2)}\n`, 'state.json')).toEqual(state);
  });

  it('reads a first line saying formatVersion 1 without tasks as a format 1 document, which then lacks its tasks', () => {
    expect(refusalOf(JSON.stringify({ formatVersion: 1, lineage: LINEAGE, salt: SALT, serial: 0 }))).toBe(
      'state file state.json does not match the state format: tasks: Invalid input: expected record, received undefined; ' +
        'repair it by hand or restore it from version control (git); dwsync has not changed it',
    );
  });

  it('reads a first line whose formatVersion is not a number as a format 1 document, not as a newer format', () => {
    expect(refusalOf(JSON.stringify({ formatVersion: '9' }))).toMatch(/^state file state\.json does not match the state format: formatVersion: /);
  });

  it('refuses a format 1 document of a newer format, saying to upgrade dwsync', () => {
    const text = JSON.stringify({ formatVersion: 9, lineage: LINEAGE, salt: SALT, serial: 0, tasks: {} }, null, 2);
    expect(refusalOf(text)).toMatch(/has formatVersion 9: it was written by a newer dwsync \(this one reads formatVersion 2 and 1\); upgrade dwsync$/);
  });

  it('refuses a format 1 document whose formatVersion is text as not matching the format', () => {
    const text = JSON.stringify({ formatVersion: '9', lineage: LINEAGE, salt: SALT, serial: 0, tasks: {} }, null, 2);
    expect(refusalOf(text)).toMatch(/^state file state\.json does not match the state format: formatVersion: /);
  });

  it('refuses a document that is not an object, at the top level', () => {
    expect(refusalOf('null')).toMatch(/^state file state\.json does not match the state format: \(top level\): /);
    expect(refusalOf('[\n]')).toMatch(/^state file state\.json does not match the state format: \(top level\): /);
  });

  it('lists at most five problems, then counts the rest, separated by semicolons', () => {
    const tasks = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`1/${i + 1}`, { file: 7, applied: null, lastAttempt: null }]));
    const message = refusalOf(JSON.stringify({ formatVersion: 1, lineage: LINEAGE, salt: SALT, serial: 0, tasks }));
    expect(message).toMatch(/: tasks\["1\/1"\]\.file: [^;]+; tasks\["1\/2"\]\.file: [^;]+; tasks\["1\/3"\]\.file: [^;]+; tasks\["1\/4"\]\.file: [^;]+; tasks\["1\/5"\]\.file: [^;]+; and 2 more; repair it/);
  });

  it('lists five problems without counting more', () => {
    const tasks = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`1/${i + 1}`, { file: 7, applied: null, lastAttempt: null }]));
    const message = refusalOf(JSON.stringify({ formatVersion: 1, lineage: LINEAGE, salt: SALT, serial: 0, tasks }));
    expect(message).toMatch(/tasks\["1\/5"\]\.file: [^;]+; repair it/);
    expect(message).not.toMatch(/more/);
  });

  it('keeps the JSON error as the cause of a refusal', () => {
    for (const text of ['{"lineage": "a', '{"lineage": 1,,']) {
      try {
        parseState(text, 'state.json');
      } catch (error) {
        expect((error as Error).cause).toBeInstanceOf(SyntaxError);
        continue;
      }
      throw new Error('parseState accepted the text');
    }
  });
});

describe('parseState, format 2 lines', () => {
  const state = aState({ '10000/1': anAppliedRecord('jobs/a.yaml') });
  const [header, line] = formatState(state).trimEnd().split('\n') as [string, string];
  const record = (text: string) => JSON.parse(text) as Record<string, unknown>;
  const lineWith = (fields: Record<string, unknown>) => JSON.stringify({ ...record(line), ...fields });

  it('refuses a header line that does not match the format, at line 1', () => {
    expect(refusalOf(`${header.replace(`"salt":"${SALT}"`, '"salt":"XY"')}\n${line}\n`)).toMatch(/at line 1: salt: expected lowercase hex; repair it/);
  });

  it('skips lines of only spaces', () => {
    expect(Object.keys(parseState(`${header}\n   \n${line}\n`, 'state.json').tasks)).toEqual(['10000/1']);
  });

  it('says what a task key must look like', () => {
    expect(refusalOf(`${header}\n${line.replace('"10000/1"', '"not a key"')}\n`)).toMatch(/at line 2: key: expected a key "projectId\/fileId" or "projectId\/folder\/name"; repair it/);
  });

  it('keeps the applied configs as their JSON text, parsed again when read', () => {
    const applied = parseState(`${header}\n${line}\n`, 'state.json').tasks['10000/1']!.applied!;
    expect(lazyJsonText(applied, 'taskContent')).toBe(JSON.stringify(state.tasks['10000/1']!.applied!.taskContent));
    expect(lazyJsonText(applied, 'taskParam')).toBe(JSON.stringify(state.tasks['10000/1']!.applied!.taskParam));
  });

  it('gives an applied last attempt written without its time and request id those of the applied config', () => {
    expect(parseState(`${header}\n${line}\n`, 'state.json').tasks['10000/1']!.lastAttempt).toEqual(state.tasks['10000/1']!.lastAttempt);
  });

  it('keeps the time and request id an applied last attempt was written with', () => {
    const lastAttempt = { at: '2026-12-01T00:00:00.000Z', outcome: 'applied', attempts: 1, requestId: 'req-9' };
    expect(parseState(`${header}\n${lineWith({ lastAttempt })}\n`, 'state.json').tasks['10000/1']!.lastAttempt).toEqual(lastAttempt);
  });

  it('refuses a failed last attempt without its time, rather than giving it the applied time', () => {
    const lastAttempt = { outcome: 'failed', attempts: 1 };
    expect(refusalOf(`${header}\n${lineWith({ lastAttempt })}\n`)).toMatch(/at line 2: lastAttempt\.at: [^;]+; repair it/);
  });

  it('refuses a last attempt without its time when nothing was applied', () => {
    const lastAttempt = { outcome: 'applied', attempts: 1 };
    expect(refusalOf(`${header}\n${lineWith({ applied: null, lastAttempt })}\n`)).toMatch(/at line 2: lastAttempt\.at: [^;]+; repair it/);
  });

  it('refuses an applied config without its time or request id, and leaves the last attempt written without them unfilled', () => {
    const { requestId: _requestId, ...applied } = record(line).applied as Record<string, unknown>;
    expect(refusalOf(`${header}\n${lineWith({ applied })}\n`)).toMatch(/at line 2: applied\.requestId: [^;]+; lastAttempt\.at: [^;]+; repair it/);
    const { appliedAt: _appliedAt, ...noTime } = record(line).applied as Record<string, unknown>;
    expect(refusalOf(`${header}\n${lineWith({ applied: noTime })}\n`)).toMatch(/at line 2: applied\.appliedAt: [^;]+; lastAttempt\.at: [^;]+; repair it/);
  });
});
