import { requestStrings } from './desired-config.js';
import type { PlannedTask } from './plan-tasks.js';

// The UpdateDISyncTask parameters of one planned update, sending only what changed: the SDK makes
// TaskContent and TaskParam optional ("if you do not need to update the configurations of the task,
// leave this parameter empty"), and the service keeps what a call leaves out. A first apply, an
// overwrite of drift (--force), and an update whose config equals the last applied one (a retry)
// send both. Pure.
export function buildUpdateRequest(entry: PlannedTask): { taskContent?: string; taskParam?: string } {
  const strings = requestStrings(entry.task!);
  const previous = entry.lastApplied;
  const desired = entry.desired!;
  if (!previous || entry.drift) return strings;
  const contentChanged = desired.taskContentHash !== previous.taskContentHash;
  const paramChanged = desired.taskParamHash !== previous.taskParamHash;
  if (!contentChanged && !paramChanged) return strings;
  return {
    ...(contentChanged ? { taskContent: strings.taskContent } : {}),
    ...(paramChanged ? { taskParam: strings.taskParam } : {}),
  };
}

// TaskContent travels in the query string (where the SDK puts it). The gateway's limit on a request
// line is not published; nginx and Tengine (which Alibaba's gateways run) refuse a request line over
// 8 KiB by default, so past this many encoded bytes dwsync warns. The largest example task in jobs/
// encodes to 1,267 bytes (a whole query of 1,412).
export const QUERY_CONTENT_WARN_BYTES = 8 * 1024;

export function encodedQueryLength(value: string): number {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).length;
}

export function describeLongContent(file: string, taskContent: string): string | null {
  const length = encodedQueryLength(taskContent);
  if (length <= QUERY_CONTENT_WARN_BYTES) return null;
  return (
    `${file}: taskContent is ${length} bytes once encoded into the query string, over ${QUERY_CONTENT_WARN_BYTES}; ` +
    "DataWorks' gateway does not publish its limit, and a request line this long may be refused"
  );
}
