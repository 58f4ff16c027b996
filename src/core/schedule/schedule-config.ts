import { hashCanonical } from '../text/canonical-json.js';
import { isJsonObject, type JsonObject } from '../text/json.js';
import { RERUN_KEYS, SCHEDULE_KEYS, type Schedule } from './schedule-schema.js';

// A schedule in the form the state keeps and the plan diffs: only the keys the task file gives, in
// the schema's order. Nothing in it is secret (scheduling parameters are literal text).
export type ScheduleConfig = { schedule: JsonObject; scheduleHash: string };

export function toScheduleConfig(schedule: Schedule): ScheduleConfig {
  const ordered = orderSchedule(schedule as JsonObject);
  return { schedule: ordered, scheduleHash: hashCanonical(ordered) };
}

export function orderSchedule(schedule: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of SCHEDULE_KEYS) {
    const value = schedule[key];
    if (value === undefined) continue;
    if (key === 'rerun' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const rerun: JsonObject = {};
      for (const k of RERUN_KEYS) if (value[k] !== undefined) rerun[k] = value[k]!;
      out.rerun = rerun;
    } else out[key] = value;
  }
  return out;
}

// The part of `full` (a live schedule, every key DataWorks shows) that `declared` manages: what a task
// file with those keys would say. A key left out of the task file is neither compared nor sent.
// dependsOn is a set to DataWorks: the same outputs in another order are the declared order.
export function projectSchedule(full: JsonObject, declared: JsonObject): JsonObject {
  const out: JsonObject = {};
  // A key the live schedule lacks comes out undefined here, and orderSchedule leaves it out.
  for (const key of Object.keys(declared)) {
    const value = full[key]!;
    if (key === 'rerun' && isJsonObject(value) && isJsonObject(declared.rerun)) {
      const rerun: JsonObject = {};
      for (const k of Object.keys(declared.rerun)) rerun[k] = value[k]!;
      out.rerun = rerun;
    } else if (key === 'dependsOn' && Array.isArray(value) && Array.isArray(declared.dependsOn) && sameSet(value, declared.dependsOn)) {
      out.dependsOn = declared.dependsOn;
    } else out[key] = value;
  }
  return orderSchedule(out);
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const left = new Set(a);
  return a.length === b.length && b.every((item) => left.has(item)) && left.size === new Set(b).size;
}
