import { compareText } from '../text/compare-text.js';
import { lazyJsonText } from '../text/define-lazy.js';
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
// How an object is written: its known fields in this order, then any others sorted by name; `nested`
// for known fields that are objects themselves; `omit`, fields never written.
type Layout = { order: readonly string[]; known: ReadonlySet<string>; nested?: Readonly<Record<string, Layout>>; omit?: ReadonlySet<string> };
type Fields = Record<string, unknown>;

const LAST_ATTEMPT = layout(LastAttempt.shape, { error: layout(AttemptError.shape) });
const RECORD_LAYOUT = layout(TaskRecord.shape, {
  applied: layout(AppliedConfig.shape),
  lastAttempt: LAST_ATTEMPT,
  deploy: layout(DeployRecord.shape, { error: layout({ code: 0, message: 0 }) }),
});
// A state line's own `key` comes first, so a record's stray `key` field is not written again.
const LINE_LAYOUT: Layout = { ...RECORD_LAYOUT, omit: new Set(['key']) };
const SAID_ONCE_LAYOUT: Layout = { ...LINE_LAYOUT, nested: { ...RECORD_LAYOUT.nested, lastAttempt: { ...LAST_ATTEMPT, omit: new Set(['at', 'requestId']) } } };
const HEADER_ORDER = Object.keys(State.shape).filter((key) => key !== 'tasks');

// `known`: a task's line when the caller has it already (the journal line it wrote for that very
// record), so a run that recorded every task does not format each of them a second time.
export function formatState(state: State, known: (key: string, record: TaskRecord) => string | undefined = () => undefined): string {
  return `${[...formatStateLines(state, known)].join('\n')}\n`;
}

// The same lines one at a time, without their newlines: a writer can encode each as it comes
// (write-state.ts) instead of holding the whole text.
export function* formatStateLines(state: State, known: (key: string, record: TaskRecord) => string | undefined = () => undefined): Generator<string> {
  const { tasks, ...rest } = state;
  yield JSON.stringify(orderFields({ ...rest, formatVersion: STATE_FORMAT_VERSION }, HEADER_ORDER));
  // Plain code-unit order, not localeCompare: the bytes must not depend on the machine's locale.
  for (const key of Object.keys(tasks).sort(compareText)) {
    const record = tasks[key]!;
    yield known(key, record) ?? formatTaskLine(key, record);
  }
}

export function formatTaskLine(key: string, record: TaskRecord): string {
  const { applied, lastAttempt } = record;
  const saidOnce = applied && lastAttempt?.outcome === 'applied' && lastAttempt.at === applied.appliedAt && lastAttempt.requestId === applied.requestId;
  return writeFields(record as unknown as Fields, saidOnce ? SAID_ONCE_LAYOUT : LINE_LAYOUT, `"key":${JSON.stringify(key)}`);
}

// The journal's line for a removed record (parse-journal.ts); a recorded one is its state line.
export function formatRemovalLine(key: string): string {
  return `{"remove":${JSON.stringify(key)}}`;
}

// An object as JSON text in its layout, written field by field rather than copied into an ordered
// object and serialised: an apply records every outcome on its main thread. A field kept as JSON
// text (define-lazy.ts: a config read from the state, or a plan's desired config) is written as that
// text, never parsed. `first` is text written before the fields (a state line's key).
// The pieces are joined once at the end: the line comes out as one flat string, where appending piece
// by piece makes a tree of pieces that every later use (the journal's write, the state file's) has to
// walk and copy again.
function writeFields(value: Fields, layout: Layout, first = ''): string {
  const pieces = ['{', first];
  const add = (field: string, nested?: Layout) => {
    if (layout.omit?.has(field)) return;
    const written = writeField(value, field, nested);
    if (written !== undefined) pieces.push(pieces.length > 2 || first !== '' ? ',' : '', JSON.stringify(field), ':', written);
  };
  // Stryker disable next-line ConditionalExpression: a missing field writes nothing either way; the check spares an apply's record() the lookups
  for (const field of layout.order) if (Object.hasOwn(value, field)) add(field, layout.nested?.[field]);
  for (const field of Object.keys(value).filter((name) => !layout.known.has(name)).sort(compareText)) add(field);
  pieces.push('}');
  return pieces.join('');
}

// undefined: not a JSON value, and the field is left out, as JSON.stringify leaves it out.
function writeField(owner: Fields, field: string, nested: Layout | undefined): string | undefined {
  const text = lazyJsonText(owner, field);
  if (text !== undefined) return text;
  const value = owner[field];
  return nested !== undefined && isJsonObject(value) ? writeFields(value, nested) : (JSON.stringify(value) as string | undefined);
}

function orderFields(value: Fields, order: readonly string[]): Fields {
  // No prototype: a field named "__proto__" stays a plain field.
  const out = Object.create(null) as Fields;
  for (const key of order) out[key] = value[key]; // a missing one is undefined, which JSON.stringify leaves out
  // Stryker disable next-line MethodExpression: without the filter, the known keys are set again where they already are
  for (const key of Object.keys(value).filter((name) => !order.includes(name)).sort(compareText)) out[key] = value[key];
  return out;
}

function layout(shape: Shape | Record<string, unknown>, nested?: Record<string, Layout>): Layout {
  const order = Object.keys(shape);
  return { order, known: new Set(order), ...(nested ? { nested } : {}) };
}
