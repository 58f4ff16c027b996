import { isJsonObject } from '../text/json.js';
import type { Issue } from '../task/validate-schema.js';
import { parseCron } from './parse-cron.js';
import { findMalformedParameter } from './schedule-parameters.js';

// The checks on `schedule` a schema cannot express: the cron's shape and DataWorks' limits, and
// values that contradict each other. Shapes are the schema's: a malformed value is skipped here.
export function validateSchedule(schedule: unknown): Issue[] {
  if (!isJsonObject(schedule)) return [];
  const issues: Issue[] = [];
  if (typeof schedule.cron === 'string') {
    const parsed = parseCron(schedule.cron);
    if (typeof parsed === 'string') {
      issues.push({ path: ['schedule', 'cron'], message: `schedule.cron ${parsed}` });
    }
  }
  if (typeof schedule.parameters === 'string') {
    const token = findMalformedParameter(schedule.parameters);
    if (token !== null) {
      issues.push({
        path: ['schedule', 'parameters'],
        message: `schedule.parameters must be space-separated name=value pairs such as "bizdate=$yyyymmdd", got ${JSON.stringify(token)}`,
      });
    }
  }
  // Paused (Stop) and dry run (SchedulerType SKIP) are two states of one node: 2024-05-18 has a single
  // `recurrence` (Normal, Pause or Skip) for both.
  if (schedule.paused === true && schedule.skipped === true) {
    issues.push({ path: ['schedule', 'skipped'], message: 'schedule.skipped cannot be true together with schedule.paused: a node is either paused or a dry run' });
  }
  const { startDate, endDate } = schedule;
  if (typeof startDate === 'string' && typeof endDate === 'string' && startDate > endDate) {
    issues.push({ path: ['schedule', 'endDate'], message: `schedule.endDate must not be before schedule.startDate (${startDate}), got ${JSON.stringify(endDate)}` });
  }
  return issues;
}
