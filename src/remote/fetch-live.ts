import pLimit from 'p-limit';

import type { DataWorksSession } from '../ports.js';
import type { LiveConfig } from '../core/plan/detect-drift.js';
import type { JsonValue } from '../core/text/json.js';
import { parseContentTaskParam } from '../core/task/service-managed-content.js';

// Reads the live config of each task with GetFile, under the run's concurrency, rate and retry rules.
// A read that fails for any other reason than a missing file fails the whole refresh: a plan that
// silently skipped a drift check would be worse than none.
export async function fetchLive(
  refs: Array<{ key: string; projectId: number; fileId: number }>,
  deps: DataWorksSession & { concurrency: number },
): Promise<Map<string, LiveConfig>> {
  const limit = pLimit(deps.concurrency);
  const live = new Map<string, LiveConfig>();
  await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const { value } = await deps.call(() => deps.dataWorks.getFile({ projectId: ref.projectId, fileId: ref.fileId }));
        if (!value.file) return void live.set(ref.key, { missing: true });
        // GetFile has no DI resource group field: the service keeps it in Content.extend.resourceGroup.
        const taskContent = parseContent(value.file.content);
        const schedule = value.file.schedule ? { schedule: value.file.schedule } : {};
        live.set(ref.key, { missing: false, taskContent, resourceGroup: parseContentTaskParam(taskContent).resourceGroup, ...schedule });
      }),
    ),
  );
  return live;
}

// Content that is not JSON (an empty, never configured task) is compared as the text it is.
function parseContent(content: string): JsonValue {
  try {
    return JSON.parse(content) as JsonValue;
  } catch {
    return content;
  }
}
