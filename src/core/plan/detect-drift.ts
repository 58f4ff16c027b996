import { hashCanonical } from '../text/canonical-json.js';
import { diffConfig, maskPatch } from './diff-config.js';
import type { JsonValue } from '../text/json.js';
import { isJsonObject, type JsonObject } from '../text/json.js';
import { diffLiveSchedule } from '../schedule/plan-schedule.js';
import type { PlannedTask } from './plan-tasks.js';
import { hashSecrets } from '../task/secret-keys.js';
import { splitContent } from '../task/service-managed-content.js';

// What GetFile showed of a task: its job JSON (parsed) and, where Content.extend gives it, the DI resource group.
export type LiveConfig = { missing: true } | { missing: false; taskContent: JsonValue; resourceGroup: string | null; schedule?: JsonObject };

// Three versions meet here: the task file (already compared with the last applied record by the plan),
// the last applied record, and the live task. A live task that differs from the last applied record was
// edited outside git: that is drift, shown as a patch from the applied config to the live one.
export function detectDrift(planned: PlannedTask[], live: ReadonlyMap<string, LiveConfig>, salt: string): PlannedTask[] {
  return planned.map((entry) => {
    const seen = live.get(entry.key);
    if (!seen || entry.action === 'orphaned') return entry;
    if (seen.missing) return { ...entry, live: 'missing' };
    const applied = entry.lastApplied;
    if (!applied) return entry; // never applied: nothing to have drifted from
    // Keys the service manages inside Content (extend, ...) are left out on both sides.
    const liveContent = hashSecrets(splitContent(seen.taskContent).author, salt);
    const appliedContent = splitContent(applied.taskContent).author;
    const contentDrift = hashCanonical(liveContent) !== hashCanonical(appliedContent);
    const appliedGroup = isJsonObject(applied.taskParam) ? applied.taskParam.ResourceGroup : undefined;
    const groupDrift = seen.resourceGroup !== null && appliedGroup !== undefined && seen.resourceGroup !== appliedGroup;
    const liveSchedulePatch = diffLiveSchedule(applied.schedule as JsonObject | undefined, seen.schedule);
    const scheduleDrift = liveSchedulePatch.length > 0 ? { liveSchedulePatch } : {};
    if (!contentDrift && !groupDrift && !scheduleDrift.liveSchedulePatch) return { ...entry, drift: false };
    const liveContentPatch = contentDrift ? maskPatch(diffConfig(appliedContent, liveContent)) : [];
    const liveParamPatch = groupDrift ? [{ op: 'replace' as const, path: '/ResourceGroup', value: seen.resourceGroup }] : [];
    return { ...entry, drift: true, liveContentPatch, liveParamPatch, ...scheduleDrift };
  });
}
