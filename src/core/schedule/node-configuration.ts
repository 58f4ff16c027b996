import type { JsonObject } from '../text/json.js';
import { cycleTypeOf, parseCron } from './parse-cron.js';
import type { RerunMode } from './schedule-schema.js';
import { orderSchedule } from './schedule-config.js';
import { changedSchedule } from './plan-schedule.js';

// The schedule on the 2020-05-18 API: UpdateFile's parameters going out, GetFile's
// Data.NodeConfiguration coming back (alibabacloud-go/dataworks-public-20200518 models, copied in
// test/fixtures/dataworks-api/2020-05-18.facts.json). docs/task-file.md has the table.

// What GetFile answers of the node (the fields dwsync reads).
export type NodeConfiguration = {
  CronExpress?: string;
  CycleType?: string;
  RerunMode?: string;
  AutoRerunTimes?: number;
  AutoRerunIntervalMillis?: number;
  ParaValue?: string;
  InputList?: { Input?: string; ParseType?: string }[];
  Stop?: boolean;
  SchedulerType?: string;
  Timeout?: number;
  StartEffectDate?: number;
  EndEffectDate?: number;
};

// The UpdateFile parameters of a schedule change. Only fields whose value changes are set: UpdateFile
// refuses a value equal to the current one as invalid data (its API page).
export type UpdateFileFields = {
  CronExpress?: string;
  CycleType?: 'DAY' | 'NOT_DAY';
  RerunMode?: WireRerunMode;
  AutoRerunTimes?: number;
  AutoRerunIntervalMillis?: number;
  ParaValue?: string;
  InputList?: string;
  ResourceGroupIdentifier?: string;
  Stop?: boolean;
  SchedulerType?: 'NORMAL' | 'SKIP';
  Timeout?: number;
  StartEffectDate?: number;
  EndEffectDate?: number;
};

export type WireRerunMode = 'ALL_ALLOWED' | 'FAILURE_ALLOWED' | 'ALL_DENIED';

// RerunMode's valid values, per the UpdateFile model.
const RERUN_TO_WIRE: Record<RerunMode, WireRerunMode> = {
  'all-allowed': 'ALL_ALLOWED',
  'failure-allowed': 'FAILURE_ALLOWED',
  'all-denied': 'ALL_DENIED',
};

const DAY_MS = 86_400_000;

// A date "YYYY-MM-DD" is 00:00 UTC of that day; StartEffectDate and EndEffectDate are milliseconds since
// the epoch. Back, a time is the UTC day it falls in, so a value set in the console at another hour of
// that day reads as the same date.
export function dateToMillis(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function millisToDate(millis: number): string {
  return new Date(Math.floor(millis / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

// The schedule GetFile shows, with every key the node has (a task file's schedule is compared with
// only its own keys: projectSchedule). The scheduling resource group is not in it: NodeConfiguration
// gives only a numeric ResourceGroupId, not the identifier UpdateFile takes.
export function scheduleFromNodeConfiguration(node: NodeConfiguration): JsonObject {
  const schedule: JsonObject = {};
  if (node.CronExpress) schedule.cron = node.CronExpress;
  const rerun: JsonObject = {};
  const mode = (Object.keys(RERUN_TO_WIRE) as RerunMode[]).find((m) => RERUN_TO_WIRE[m] === node.RerunMode);
  if (mode) rerun.mode = mode;
  if (typeof node.AutoRerunTimes === 'number') rerun.times = node.AutoRerunTimes;
  if (typeof node.AutoRerunIntervalMillis === 'number' && node.AutoRerunIntervalMillis > 0) {
    rerun.intervalSeconds = Math.round(node.AutoRerunIntervalMillis / 1000);
  }
  if (Object.keys(rerun).length > 0) schedule.rerun = rerun;
  if (node.ParaValue) schedule.parameters = node.ParaValue;
  const inputs = (node.InputList ?? []).flatMap((input) => (input.Input ? [input.Input] : []));
  if (inputs.length > 0) schedule.dependsOn = inputs;
  if (typeof node.Stop === 'boolean') schedule.paused = node.Stop;
  if (node.SchedulerType === 'SKIP' || node.SchedulerType === 'NORMAL') schedule.skipped = node.SchedulerType === 'SKIP';
  if (typeof node.Timeout === 'number' && node.Timeout > 0) schedule.timeoutHours = node.Timeout;
  if (typeof node.StartEffectDate === 'number') schedule.startDate = millisToDate(node.StartEffectDate);
  if (typeof node.EndEffectDate === 'number') schedule.endDate = millisToDate(node.EndEffectDate);
  return orderSchedule(schedule);
}

// The UpdateFile fields that take `base` (what DataWorks has, as far as dwsync knows) to `desired`
// (a task file's schedule, only its own keys): a key equal on both sides is not sent.
export function toUpdateFileFields(desired: JsonObject, base: JsonObject): UpdateFileFields {
  const fields: UpdateFileFields = {};
  const changed = changedSchedule(desired, base);
  const rerun = (changed['rerun'] ?? {}) as JsonObject;
  const { cron, parameters, dependsOn, resourceGroup, paused, skipped, timeoutHours, startDate, endDate } = changed;
  if (typeof cron === 'string') {
    fields.CronExpress = cron;
    const cycle = cycleOf(cron);
    // Sent only when the cycle is known to change: with no base cron, or one whose cycle dwsync cannot
    // tell, the current CycleType is unknown, and sending the value it already has would be refused.
    const baseCycle = typeof base['cron'] === 'string' ? cycleOf(base['cron']) : null;
    if (cycle && baseCycle && cycle !== baseCycle) fields.CycleType = cycle;
  }
  if (typeof rerun['mode'] === 'string') fields.RerunMode = RERUN_TO_WIRE[rerun['mode'] as RerunMode];
  if (typeof rerun['times'] === 'number') fields.AutoRerunTimes = rerun['times'];
  if (typeof rerun['intervalSeconds'] === 'number') fields.AutoRerunIntervalMillis = rerun['intervalSeconds'] * 1000;
  if (typeof parameters === 'string') fields.ParaValue = parameters;
  if (Array.isArray(dependsOn)) fields.InputList = dependsOn.join(',');
  if (typeof resourceGroup === 'string') fields.ResourceGroupIdentifier = resourceGroup;
  if (typeof paused === 'boolean') fields.Stop = paused;
  if (typeof skipped === 'boolean') fields.SchedulerType = skipped ? 'SKIP' : 'NORMAL';
  if (typeof timeoutHours === 'number') fields.Timeout = timeoutHours;
  if (typeof startDate === 'string') fields.StartEffectDate = dateToMillis(startDate);
  if (typeof endDate === 'string') fields.EndEffectDate = dateToMillis(endDate);
  return fields;
}

function cycleOf(cron: string): 'DAY' | 'NOT_DAY' | null {
  const parsed = parseCron(cron);
  return typeof parsed === 'string' ? null : cycleTypeOf(parsed);
}
