import { compareText } from '../text/compare-text.js';
import { copyJsonField, lazyJsonText } from '../text/define-lazy.js';
import { isJsonObject } from '../text/json.js';
import { AppliedConfig, AttemptError, DeployRecord, LastAttempt, STATE_FORMAT_VERSION, State, TaskRecord } from './state-schema.js';
import type { z } from 'zod';

// State → bytes (format 2), deterministically: a header line with the state's own fields, then one
// compact line per task, sorted by key, `{"key":…, …record}`. A change to one task is a one-line diff
// in git, and the file holds little besides the recorded configs. Within a line, the known fields come
// in the schema's order, then any unknown fields (kept for a newer dwsync) sorted by name.
// taskContent and taskParam keep the key order they were recorded with.
//
// One thing is said once: when the last attempt is the applied one, its time and request id are those
// of `applied`, and the line leaves them out of `lastAttempt` (parse-state.ts puts them back).

type Shape = z.ZodObject['shape'];
type Nested = Record<string, { order: readonly string[]; nested?: Nested }>;

const ERROR = { order: keysOf(AttemptError.shape) };
const RECORD_LAYOUT: Nested = {
  applied: { order: keysOf(AppliedConfig.shape) },
  lastAttempt: { order: keysOf(LastAttempt.shape), nested: { error: ERROR } },
  deploy: { order: keysOf(DeployRecord.shape), nested: { error: { order: ['code', 'message'] } } },
};
const RECORD_ORDER = keysOf(TaskRecord.shape);
const HEADER_ORDER = keysOf(State.shape).filter((key) => key !== 'tasks');

export function formatState(state: State): string {
  const { tasks, ...rest } = state;
  const header = orderFields({ ...rest, formatVersion: STATE_FORMAT_VERSION }, HEADER_ORDER);
  const lines = [JSON.stringify(header)];
  // Plain code-unit order, not localeCompare: the bytes must not depend on the machine's locale.
  for (const key of Object.keys(tasks).sort(compareText)) lines.push(formatTaskLine(key, tasks[key]!));
  return `${lines.join('\n')}\n`;
}

export function formatTaskLine(key: string, record: TaskRecord): string {
  const ordered = orderTaskRecord(record) as Record<string, unknown>;
  const line: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  line.key = key;
  for (const field of Object.keys(ordered)) if (field !== 'key') line[field] = ordered[field];
  const { applied, lastAttempt } = record;
  if (applied && lastAttempt?.outcome === 'applied' && lastAttempt.at === applied.appliedAt && lastAttempt.requestId === applied.requestId) {
    const { at: _at, requestId: _requestId, ...rest } = line.lastAttempt as LastAttempt;
    line.lastAttempt = rest;
  }
  return stringifyRecord(line);
}

// A journal line: `{"key":…,"record":…}`, the record in the file's order (null: the record removed).
export function formatJournalLine(key: string, record: TaskRecord | null): string {
  return `{"key":${JSON.stringify(key)},"record":${record === null ? 'null' : stringifyRecord(orderTaskRecord(record) as unknown as Record<string, unknown>)}}`;
}

const APPLIED_HEAD = '{"taskContent":0,"taskParam":0';
const APPLIED_FIELD = '"applied":0';

// JSON.stringify of an ordered record (or a state line), except that applied configs kept as JSON text
// (define-lazy.ts: read from the state, or a plan's desired configs) are written as that text rather
// than parsed and serialised again: most of a line's bytes, and most of the time spent recording.
// Stand-ins (0) mark where the texts go. A JSON string cannot hold `"applied":0` (its quotes would be
// escaped), so the first match is the record's own field; `applied` is ordered with the two configs
// first, and one that does not start with both (a damaged record) is written as plain JSON.
function stringifyRecord(record: Record<string, unknown>): string {
  const applied = record.applied;
  if (!isJsonObject(applied)) return JSON.stringify(record);
  const content = lazyJsonText(applied, 'taskContent');
  const param = lazyJsonText(applied, 'taskParam');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut, the stand-ins below write the same bytes
  if (content === undefined && param === undefined) return JSON.stringify(record);
  const standIn: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const field of Object.keys(applied)) standIn[field] = field === 'taskContent' || field === 'taskParam' ? 0 : applied[field];
  const appliedSkeleton = JSON.stringify(standIn);
  const skeleton = JSON.stringify({ ...record, applied: 0 });
  if (!appliedSkeleton.startsWith(APPLIED_HEAD)) return JSON.stringify(record);
  const at = skeleton.indexOf(APPLIED_FIELD);
  const appliedText = `{"taskContent":${content ?? JSON.stringify(applied.taskContent)},"taskParam":${param ?? JSON.stringify(applied.taskParam)}${appliedSkeleton.slice(APPLIED_HEAD.length)}`;
  return `${skeleton.slice(0, at)}"applied":${appliedText}${skeleton.slice(at + APPLIED_FIELD.length)}`;
}

// One record with its fields in the file's order: also what a journal line carries.
export function orderTaskRecord(record: TaskRecord): TaskRecord {
  return orderNested(record as unknown as Record<string, unknown>, RECORD_ORDER, RECORD_LAYOUT) as TaskRecord;
}

function orderNested(value: Record<string, unknown>, order: readonly string[], nested: Nested = {}): Record<string, unknown> {
  const out = orderFields(value, order);
  for (const [field, layout] of Object.entries(nested)) {
    const inner = out[field];
    if (isJsonObject(inner)) out[field] = orderNested(inner, layout.order, layout.nested);
  }
  return out;
}

function orderFields(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  // No prototype: a field named "__proto__" in a hand-edited file stays a plain field.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  // copyJsonField: a config kept as JSON text stays text, for stringifyRecord to write as it is.
  for (const key of order) if (key in value) copyJsonField(value, out, key);
  // Stryker disable next-line MethodExpression: copying a known field a second time changes neither its value nor its place
  const extra = Object.keys(value).filter((key) => !order.includes(key)).sort(compareText);
  for (const key of extra) copyJsonField(value, out, key);
  return out;
}

function keysOf(shape: Shape): readonly string[] {
  return Object.keys(shape);
}
