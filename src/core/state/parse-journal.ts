import { z } from 'zod';
import { UserInputError } from '../../errors.js';
import { isJsonObject } from '../text/json.js';
import { formatIssues, readTaskLine } from './parse-state.js';
import { TaskKey, TaskRecord } from './state-schema.js';

// The journal beside a state file: a header line, then one line per recorded outcome (format 2).
//   {"journal":2,"lineage":"…","baseSerial":7}
//   {"key":"10000/1000000","file":"jobs/…","applied":{…},…}   the task's record: its line in the state file
//   {"remove":"10000/1000001"}                                the task's record removed (its task was deleted)
// A recorded line is the very line the state file holds for that record (format-state.ts), so the run
// that wrote it can put it into the state as it is when it folds, without formatting the record again.
// Format 1, written by earlier versions and still read (a journal a crash left behind an upgrade):
//   {"journal":1,…} then {"key":"…","record":{…}} or {"key":"…","record":null}
// Lines are appended whole and fsynced, so a killed process can only leave its last line torn.
// A bad line anywhere else means the file was damaged some other way: refuse rather than guess.

export const JOURNAL_FORMAT_VERSION = 2;
const FIRST_JOURNAL_FORMAT_VERSION = 1;

export const JournalHeader = z.object({
  journal: z.union([z.literal(JOURNAL_FORMAT_VERSION), z.literal(FIRST_JOURNAL_FORMAT_VERSION)]),
  lineage: z.string().min(1),
  baseSerial: z.number().int().nonnegative(),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

const FirstFormatEntry = z.object({ key: TaskKey, record: TaskRecord.nullable() });
export type JournalEntry = { key: string; record: TaskRecord | null };

export type ParsedJournal = {
  header: JournalHeader | null; // null when even the header line was torn: nothing was recorded
  entries: JournalEntry[]; // in file order; a later entry for a key replaces an earlier one
  tornLine: number | null; // 1-based number of the dropped torn last line
};

export function parseJournal(text: string, path: string): ParsedJournal {
  const lines = numberedLines(text);
  const advice = `move the journal aside to discard its records (the state file itself is intact), or repair that line`;
  let header: JournalHeader | null = null;
  const entries: JournalEntry[] = [];
  for (const [index, { number, text: line }] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (index === lines.length - 1) return { header, entries, tornLine: number };
      throw new UserInputError(`journal ${path} line ${number} is not valid JSON but is not the last line, so it was damaged, not torn by a crash; ${advice}`);
    }
    if (header === null) {
      header = parseHeader(value, path, number, advice);
      continue;
    }
    const entry = header.journal === FIRST_JOURNAL_FORMAT_VERSION ? readFirstFormatEntry(value) : readEntry(value);
    if (typeof entry === 'string') throw new UserInputError(`journal ${path} line ${number} is not a valid record: ${entry}; ${advice}`);
    entries.push(entry);
  }
  return { header, entries, tornLine: null };
}

function parseHeader(value: unknown, path: string, number: number, advice: string): JournalHeader {
  const version = (value as { journal?: unknown } | null)?.journal;
  if (typeof version === 'number' && version > JOURNAL_FORMAT_VERSION) {
    throw new UserInputError(`journal ${path} has format ${version}: it was written by a newer dwsync; upgrade dwsync`);
  }
  const header = JournalHeader.safeParse(value);
  if (!header.success) {
    throw new UserInputError(`journal ${path} line ${number} is not a journal header: ${formatIssues(header.error.issues)}; ${advice}`);
  }
  return header.data;
}

// Blank lines (and the NUL padding a power cut can leave at the end of a file) carry nothing.
function numberedLines(text: string): { number: number; text: string }[] {
  return text
    .split('\n')
    .map((line, i) => ({ number: i + 1, text: line }))
    .filter((line) => !/^[\s\0]*$/.test(line.text));
}

function readEntry(value: unknown): JournalEntry | string {
  if (isJsonObject(value) && Object.hasOwn(value, 'remove') && !Object.hasOwn(value, 'key')) {
    const key = TaskKey.safeParse(value.remove);
    return key.success ? { key: key.data, record: null } : `remove: ${key.error.issues[0]?.message ?? 'invalid'}`;
  }
  return readTaskLine(value);
}

function readFirstFormatEntry(value: unknown): JournalEntry | string {
  const entry = FirstFormatEntry.safeParse(value);
  return entry.success ? (value as JournalEntry) : formatIssues(entry.error.issues); // the raw line keeps unknown fields, as parseState does
}
