import { AppliedConfig, AttemptError, DeployRecord, LastAttempt, StateFile, TaskRecord } from './state-schema.js';
import type { z } from 'zod';

// State → bytes, deterministically: tasks sorted by key, the known fields of every record in the
// schema's order, then any unknown fields (kept for a newer dwsync) sorted by name; 2-space indent,
// trailing newline. The same state always gives the same bytes, so git diffs of it stay readable.
// taskContent and taskParam keep the key order they were recorded with.

type Shape = z.ZodObject['shape'];
type Nested = Record<string, { order: readonly string[]; nested?: Nested }>;

const ERROR = { order: _keys(AttemptError.shape) };
const RECORD_LAYOUT: Nested = {
  applied: { order: _keys(AppliedConfig.shape) },
  lastAttempt: { order: _keys(LastAttempt.shape), nested: { error: ERROR } },
  deploy: { order: _keys(DeployRecord.shape), nested: { error: { order: ['code', 'message'] } } },
};
const RECORD_ORDER = _keys(TaskRecord.shape);
const STATE_ORDER = _keys(StateFile.shape);

export function formatState(state: StateFile): string {
  const top = _orderFields(state as unknown as Record<string, unknown>, STATE_ORDER);
  top.tasks = sortTasks(state.tasks);
  return `${JSON.stringify(top, null, 2)}\n`;
}

// One record with its fields in the file's order: also what a journal line carries.
export function orderTaskRecord(record: TaskRecord): TaskRecord {
  return _orderNested(record as unknown as Record<string, unknown>, RECORD_ORDER, RECORD_LAYOUT) as TaskRecord;
}

function sortTasks(tasks: StateFile['tasks']): Record<string, TaskRecord> {
  const sorted: Record<string, TaskRecord> = {};
  // Plain code-unit order, not localeCompare: the bytes must not depend on the machine's locale.
  for (const key of Object.keys(tasks).sort(_compareCodeUnits)) sorted[key] = orderTaskRecord(tasks[key]!);
  return sorted;
}

function _orderNested(value: Record<string, unknown>, order: readonly string[], nested: Nested = {}): Record<string, unknown> {
  const out = _orderFields(value, order);
  for (const [field, layout] of Object.entries(nested)) {
    const inner = out[field];
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      out[field] = _orderNested(inner as Record<string, unknown>, layout.order, layout.nested);
    }
  }
  return out;
}

function _orderFields(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  // No prototype: a field named "__proto__" in a hand-edited file stays a plain field.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of order) if (key in value) out[key] = value[key];
  const extra = Object.keys(value).filter((key) => !order.includes(key)).sort(_compareCodeUnits);
  for (const key of extra) out[key] = value[key];
  return out;
}

function _keys(shape: Shape): readonly string[] {
  return Object.keys(shape);
}

function _compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
