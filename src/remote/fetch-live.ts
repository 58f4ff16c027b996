import pLimit from 'p-limit';

import type { DataWorksSession } from '../ports.js';
import type { LiveConfig } from '../core/plan/detect-drift.js';
import type { JsonValue } from '../core/text/json.js';
import { parseContentTaskParam } from '../core/task/service-managed-content.js';
import type { TaskCalls, TaskTarget } from './task-calls.js';

// Reads the live config of each task (GetFile, or GetNode on a 2024-05-18 workspace), under the run's
// concurrency, rate and retry rules. A read that fails for any other reason than a missing task fails
// the whole refresh: a plan that silently skipped a drift check would be worse than none.
export async function fetchLive(
  refs: Array<{ key: string; projectId: number; target: TaskTarget; calls: TaskCalls }>,
  deps: DataWorksSession & { concurrency: number },
): Promise<Map<string, LiveConfig>> {
  const limit = pLimit(deps.concurrency);
  const live = new Map<string, LiveConfig>();
  await Promise.all(refs.map((ref) => limit(async () => void live.set(ref.key, await ref.calls.readLive(ref.projectId, ref.target, deps)))));
  return live;
}

// One file's live config. GetFile has no DI resource group field: the service keeps it in
// Content.extend.resourceGroup.
export async function readLiveFile(ref: { projectId: number; fileId: number }, deps: DataWorksSession): Promise<LiveConfig> {
  const { value } = await deps.call(() => deps.dataWorks.getFile(ref));
  if (!value.file) return { missing: true };
  const taskContent = parseContent(value.file.content);
  const schedule = value.file.schedule ? { schedule: value.file.schedule } : {};
  return { missing: false, taskContent, resourceGroup: parseContentTaskParam(taskContent).resourceGroup, ...schedule };
}

// Content that is not JSON (an empty, never configured task) is compared as the text it is.
export function parseContent(content: string): JsonValue {
  try {
    return JSON.parse(content) as JsonValue;
  } catch {
    return content;
  }
}
