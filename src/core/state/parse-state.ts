import type { z } from 'zod';
import { errorMessage, UserInputError } from '../../errors.js';
import { defineLazyJson } from '../text/define-lazy.js';
import { flatText } from '../text/flat-text.js';
import { findJsonSyntaxError } from '../text/find-json-syntax-error.js';
import { formatPath } from '../text/format-path.js';
import { isJsonObject, parseJsonOrNull } from '../text/json.js';
import { isCommonTaskRecord } from './is-common-task-record.js';
import { findPosition } from '../text/source-lines.js';
import { LEGACY_STATE_FORMAT_VERSION, STATE_FORMAT_VERSION, State, StateHeader, TaskKey, TaskRecord } from './state-schema.js';

// Text of a state file → the state, or a refusal that names the file (and the line) and says what to
// do. Refusing is the point: an unreadable state must never be replaced by an empty one.
// Format 2 is told by its first line: a whole JSON object with formatVersion 2 and no tasks. Anything
// else is read as one JSON document (format 1), whose errors are located in the whole text; such a
// document saying formatVersion 2 (made by hand or by a script) is read too, and rewritten in lines.

const KEEP = 'dwsync has not changed it';
const ADVICE = `restore it from version control (git) or repair it by hand; ${KEEP}`;

export function parseState(text: string, path: string): State {
  const end = text.indexOf('\n');
  const lines = startStateLines(end === -1 ? text : text.slice(0, end), path);
  if (lines === null) return parseFormat1(text, path);
  const rest = end === -1 ? [] : text.slice(end + 1).split('\n'); // a header with no newline: no tasks
  for (const [i, line] of rest.entries()) lines.add(line, i === rest.length - 1);
  return lines.finish();
}

// Format 2 read a line at a time: one `{"key":…, …record}` line per task after the header
// (format-state.ts). `last`: the line is the file's last and has no newline after it (a write cut
// short). A reader can feed a file's lines as it reads them (read-state.ts), so a large state is not
// in memory as one text beside its records.
export type StateLines = { add(line: string, last: boolean): void; finish(): State };

// null: the first line is not a format 2 header, and the text is to be read whole (parseState).
export function startStateLines(firstLine: string, path: string): StateLines | null {
  const header = parseJsonOrNull(firstLine);
  if (!isJsonObject(header) || typeof header.formatVersion !== 'number' || 'tasks' in header) return null;
  refuseNewer(header.formatVersion, path);
  if (header.formatVersion !== STATE_FORMAT_VERSION) return null;
  const checked = StateHeader.safeParse(header);
  if (!checked.success) throw mismatch(path, 1, formatIssues(checked.error.issues));
  const tasks: Record<string, TaskRecord> = {};
  let number = 1;
  return {
    add(line, last) {
      number++;
      if (line.trim() === '') return;
      const task = readTaskLine(parseLine(line, number, last, path), (key) => Object.hasOwn(tasks, key));
      if (typeof task === 'string') throw mismatch(path, number, task);
      tasks[task.key] = task.record;
    },
    finish: () => ({ ...(header as Omit<State, 'tasks'>), tasks }),
  };
}

// One task's line, parsed: a state file's line after the header, and a journal's line recording a task
// (the journal writes the same line). Its key and record, or what is wrong with it. `seen`: whether an
// earlier line had the key (a state file has one line a task; a journal may repeat one).
export function readTaskLine(value: unknown, seen: (key: string) => boolean = () => false): { key: string; record: TaskRecord } | string {
  if (!isJsonObject(value)) return 'expected one task record, a JSON object with its "key"';
  const { key, ...record } = value;
  const keyCheck = TaskKey.safeParse(key);
  if (!keyCheck.success) return `key: ${keyCheck.error.issues[0]?.message ?? 'invalid'}`;
  if (seen(keyCheck.data)) return `key: ${keyCheck.data} has another line before this one`;
  restoreLastAttempt(record);
  if (!isCommonTaskRecord(record)) {
    const recordCheck = TaskRecord.safeParse(record);
    if (!recordCheck.success) return formatIssues(recordCheck.error.issues);
  }
  keepConfigsAsText(record);
  return { key: keyCheck.data, record: record as TaskRecord }; // the raw record: unknown fields are kept
}

function parseFormat1(text: string, path: string): State {
  const raw = parseJsonText(text, `state file ${path}`, ADVICE);
  if (isJsonObject(raw) && typeof raw.formatVersion === 'number') refuseNewer(raw.formatVersion, path);
  const result = State.safeParse(raw);
  if (!result.success) {
    throw new UserInputError(
      `state file ${path} does not match the state format: ${formatIssues(result.error.issues)}; ` +
        `repair it by hand or restore it from version control (git); ${KEEP}`,
    );
  }
  // The parsed JSON itself, not zod's copy: unknown fields from a newer dwsync are kept (see state-schema.ts).
  return raw as State;
}

// A record's applied configs are most of its size, and a plan reads them only for a task that
// changed: they are kept as JSON text and parsed again when asked for (define-lazy.ts). Their own
// text, not the line's: a line is a slice of the whole file's text and would keep all of it alive.
// A new object, its fields in the same order: turning fields of the parsed object into accessors
// would put it in V8's slow dictionary mode, about a kilobyte more per record.
function keepConfigsAsText(record: Record<string, unknown>): void {
  const applied = record.applied;
  if (!isJsonObject(applied)) return;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(applied)) {
    if (field === 'taskContent' || field === 'taskParam') defineLazyJson(kept, field, flatText(JSON.stringify(value)));
    else Object.defineProperty(kept, field, { value, enumerable: true, writable: true, configurable: true }); // "__proto__" too
  }
  record.applied = kept;
}

// The line leaves out of an applied lastAttempt what `applied` already says (format-state.ts).
function restoreLastAttempt(record: Record<string, unknown>): void {
  const { applied, lastAttempt: last } = record;
  if (!isJsonObject(applied) || !isJsonObject(last) || last.outcome !== 'applied' || 'at' in last) return;
  if (applied.requestId === undefined) return; // the schema check names what is missing (a missing appliedAt as well)
  record.lastAttempt = { at: applied.appliedAt, ...last, requestId: applied.requestId };
}

function parseLine(line: string, number: number, last: boolean, path: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    // Only the last line can be torn by a crash: a line cut short before it was damaged otherwise.
    throw jsonRefusal(line, error, `state file ${path}`, ADVICE, { firstLine: number, canEndEarly: last });
  }
}

function mismatch(path: string, line: number, issues: string): UserInputError {
  return new UserInputError(
    `state file ${path} does not match the state format at line ${line}: ${issues}; repair it by hand or restore it from version control (git); ${KEEP}`,
  );
}

function refuseNewer(version: number, path: string): void {
  if (version <= STATE_FORMAT_VERSION) return;
  throw new UserInputError(
    `state file ${path} has formatVersion ${version}: it was written by a newer dwsync ` +
      `(this one reads formatVersion ${STATE_FORMAT_VERSION} and ${LEGACY_STATE_FORMAT_VERSION}); upgrade dwsync`,
  );
}

// JSON.parse with a refusal that says where the text went wrong, or that it ends too early.
export function parseJsonText(text: string, what: string, advice: string): unknown {
  if (text.trim() === '') throw new UserInputError(`${what} is empty (truncated); ${advice}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonRefusal(text, error, what, advice, { firstLine: 1, canEndEarly: true });
  }
}

// Text that ends too early (a write cut short by a crash) is shown at its end, where the rest went
// missing; any other text at its first wrong character. `firstLine` numbers the text's first line.
function jsonRefusal(text: string, error: unknown, what: string, advice: string, at: { firstLine: number; canEndEarly: boolean }): UserInputError {
  const found = findJsonSyntaxError(text) ?? { offset: 0, line: 1, column: 1, endedEarly: false };
  const { line, column } = found.endedEarly ? findPosition(text, text.length) : found;
  const where = `line ${at.firstLine + line - 1}, column ${column}`;
  if (found.endedEarly && at.canEndEarly) return new UserInputError(`${what} is truncated: its JSON ends early at ${where}; ${advice}`, { cause: error });
  const detail = errorMessage(error);
  return new UserInputError(`${what} is not valid JSON at ${where} (${detail}); ${advice}`, { cause: error });
}

// At most a few issues, each as `path: message`, so a badly damaged file still gives a readable line.
export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => `${formatPath(issue.path) || '(top level)'}: ${issueMessage(issue)}`);
  if (issues.length > limit) shown.push(`and ${issues.length - limit} more`);
  return shown.join('; ');
}

// A record key that fails its schema comes as zod's generic "Invalid key in record", holding the key
// schema's own words ("expected a key ...") inside: say those.
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues.length > 0) return issue.issues[0]!.message;
  return issue.message;
}
