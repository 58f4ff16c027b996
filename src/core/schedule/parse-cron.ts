// DataWorks' cron: six fields, "second minute hour day month week", e.g. "00 00 01 * * ?" (the form
// CronExpress takes and GetFile answers, SDK model example "00 00-59/5 1-23 * * ?"). One of day and
// week is "?". DataWorks schedules by minute at the finest, and "the minimum time interval for a node
// that is scheduled by minute is 5 minutes" (DataWorks, "Schedule a node by minute",
// https://www.alibabacloud.com/help/en/dataworks/user-guide/schedule-a-node-by-minute).

export const MIN_INTERVAL_MINUTES = 5;

type FieldSpec = { name: string; min: number; max: number; question?: boolean };

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12 },
  { name: 'week', min: 1, max: 7, question: true },
];

export type CronProblem = string;

// The values a field allows ("*": all of them), or a problem. "?" (day or week only) is null: no values
// are needed of those two fields.
function expandField(text: string, spec: FieldSpec): Set<number> | null | CronProblem {
  if (text === '?') return spec.question ? null : `must not have "?" in the ${spec.name} field (only day or week may), got ${JSON.stringify(text)}`;
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!match) return `must have a number, a range a-b, a step /n or a list of them in the ${spec.name} field, got ${JSON.stringify(text)}`;
    const from = match[1] === '*' ? spec.min : Number(match[1]);
    const to = match[2] !== undefined ? Number(match[2]) : match[1] === '*' || match[3] !== undefined ? spec.max : from;
    const step = match[3] !== undefined ? Number(match[3]) : 1;
    if (from < spec.min || to > spec.max || from > to) return `must keep the ${spec.name} field within ${spec.min}-${spec.max}, got ${JSON.stringify(text)}`;
    if (step < 1) return `must have steps of at least 1 in the ${spec.name} field, got ${JSON.stringify(text)}`;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export type ParsedCron = { minutes: number[]; hours: number[]; fields: string[] };

// The cron's problem (what was expected), or its minutes and hours.
export function parseCron(cron: string): ParsedCron | CronProblem {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) return `must have six fields "second minute hour day month week" (e.g. "00 00 01 * * ?"), got ${fields.length}: ${JSON.stringify(cron)}`;
  const expanded: (Set<number> | null)[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const result = expandField(fields[index]!, spec);
    if (typeof result === 'string') return result;
    expanded.push(result);
  }
  const [seconds, minutes, hours] = expanded as Set<number>[]; // "?" is refused in these three fields
  if (seconds!.size !== 1 || !seconds!.has(0)) return `must have 00 as its second field (DataWorks schedules by the minute at the finest), got ${JSON.stringify(fields[0])}`;
  if ((fields[3] === '?') === (fields[5] === '?')) return `must have "?" in exactly one of the day and week fields, got ${JSON.stringify(`${fields[3]} ${fields[5]}`)}`;
  const everyMinute = [...minutes!].sort((a, b) => a - b);
  const everyHour = [...hours!].sort((a, b) => a - b);
  const gap = smallestGap(everyMinute, everyHour.length > 1);
  if (gap < MIN_INTERVAL_MINUTES) return `must run at least ${MIN_INTERVAL_MINUTES} minutes apart (DataWorks' minimum interval), got runs ${gap} minute${gap === 1 ? '' : 's'} apart: ${JSON.stringify(cron)}`;
  return { minutes: everyMinute, hours: everyHour, fields };
}

// DataWorks' scheduling cycle: DAY for a node run once a day (or week, month, year), NOT_DAY for one
// run by the minute or the hour (UpdateFile's CycleType: "NOT_DAY indicates that the node is scheduled
// to run by minute or hour").
export function cycleTypeOf(cron: ParsedCron): 'DAY' | 'NOT_DAY' {
  return cron.minutes.length === 1 && cron.hours.length === 1 ? 'DAY' : 'NOT_DAY';
}

function smallestGap(minutes: number[], wraps: boolean): number {
  let gap = Infinity;
  for (let i = 1; i < minutes.length; i++) gap = Math.min(gap, minutes[i]! - minutes[i - 1]!);
  // With several hours, the last run of one hour and the first of the next are apart too (a field has
  // at least one value).
  if (wraps) gap = Math.min(gap, 60 - minutes.at(-1)! + minutes[0]!);
  return gap;
}
