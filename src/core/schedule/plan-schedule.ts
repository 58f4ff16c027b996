import type { Operation } from 'fast-json-patch';

import { isDeepStrictEqual } from 'node:util';

import { diffConfig } from '../plan/diff-config.js';
import { copyJsonField } from '../text/define-lazy.js';
import { isJsonObject, type JsonObject } from '../text/json.js';
import { projectSchedule } from './schedule-config.js';

type WithSchedule = { schedule?: JsonObject | undefined; scheduleHash?: string | undefined };

// A task file's schedule differs from the last applied one. A task without a schedule leaves the
// service's schedule alone, so it never differs.
export function scheduleChanged(applied: WithSchedule, desired: WithSchedule): boolean {
  return desired.scheduleHash !== undefined && desired.scheduleHash !== applied.scheduleHash;
}

// The plan's schedulePatch: present only for a task file with a schedule, from the last applied
// schedule (none: {}) to the desired one; empty when apply changes nothing.
export function planSchedulePatch(previous: WithSchedule | null, desired: WithSchedule, changes: boolean): { schedulePatch?: Operation[] } {
  if (desired.schedule === undefined) return {};
  return { schedulePatch: changes ? diffConfig(previous?.schedule ?? {}, desired.schedule) : [] };
}

// The desired config with the schedule left as last applied: what a record may say once the content is
// in DataWorks but the schedule has not been sent (or was refused). The schedule is recorded only
// after UpdateFile accepts it.
// Its configs stay JSON text where they are (define-lazy.ts): a spread would parse them, and the
// journal would then serialise them again, for every task an apply records.
export function keepAppliedSchedule<T extends WithSchedule>(desired: T, applied: WithSchedule | null | undefined): T {
  const kept = {} as T;
  for (const field of Object.keys(desired)) if (field !== 'schedule' && field !== 'scheduleHash') copyJsonField(desired, kept, field);
  return applied?.schedule !== undefined && applied.scheduleHash !== undefined ? Object.assign(kept, { schedule: applied.schedule, scheduleHash: applied.scheduleHash }) : kept;
}

// An update whose content and TaskParam are the last applied ones and not drifted: only the schedule
// is sent (a schedule that failed after its content applied is retried alone).
export function onlyScheduleChanged(entry: {
  drift?: boolean;
  desired: (WithSchedule & { taskContentHash: string; taskParamHash: string }) | null;
  lastApplied: (WithSchedule & { taskContentHash: string; taskParamHash: string }) | null;
}): boolean {
  const { desired, lastApplied } = entry;
  if (!desired || !lastApplied || entry.drift) return false;
  return desired.taskContentHash === lastApplied.taskContentHash && desired.taskParamHash === lastApplied.taskParamHash && scheduleChanged(lastApplied, desired);
}

// With --refresh: the live schedule seen through the keys the last applied schedule manages, as a
// patch from the last applied one (empty: no drift). resourceGroup is never compared: GetFile does
// not show the identifier. A task without an applied schedule has nothing to have drifted from.
export function diffLiveSchedule(applied: JsonObject | undefined, live: JsonObject | undefined): Operation[] {
  if (applied === undefined || live === undefined) return [];
  const { resourceGroup: _group, ...managed } = applied;
  return diffConfig(managed, projectSchedule(live, managed));
}

// What apply sends of a schedule, on either API generation: the desired keys whose value differs from
// the base (the last applied schedule, or the live one where that is the better base), rerun's key by
// key. A key the base lacks is sent. Pure.
export function changedSchedule(desired: JsonObject, base: JsonObject): JsonObject {
  const changed: JsonObject = {};
  for (const [key, want] of Object.entries(desired)) {
    const have = base[key];
    if (key === 'rerun' && isJsonObject(want)) {
      const rerun: JsonObject = {};
      for (const [inner, value] of Object.entries(want)) if (!isDeepStrictEqual(value, isJsonObject(have) ? have[inner] : undefined)) rerun[inner] = value;
      if (Object.keys(rerun).length > 0) changed[key] = rerun;
    } else if (!isDeepStrictEqual(want, have)) changed[key] = want;
  }
  return changed;
}
