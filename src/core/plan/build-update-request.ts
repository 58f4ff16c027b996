import { requestStrings } from './desired-config.js';
import type { PlannedTask } from './plan-tasks.js';

// What an update sends of a planned task, on either API generation: only what changed. The service
// keeps what a call leaves out (UpdateDISyncTask's TaskContent and TaskParam are optional; UpdateNode is
// incremental). A first apply, an overwrite of drift (--force), and an update whose config equals the
// last applied one (a retry) send both. Pure.
export function changedParts(entry: PlannedTask): { content: boolean; param: boolean } {
  const previous = entry.lastApplied;
  const desired = entry.desired!;
  if (!previous || entry.drift) return { content: true, param: true };
  const content = desired.taskContentHash !== previous.taskContentHash;
  const param = desired.taskParamHash !== previous.taskParamHash;
  return content || param ? { content, param } : { content: true, param: true };
}

// The UpdateDISyncTask parameters of one planned update (2020-05-18).
export function buildUpdateRequest(entry: PlannedTask): { taskContent?: string; taskParam?: string } {
  const strings = requestStrings(entry.task!);
  const changed = changedParts(entry);
  return {
    ...(changed.content ? { taskContent: strings.taskContent } : {}),
    ...(changed.param ? { taskParam: strings.taskParam } : {}),
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
