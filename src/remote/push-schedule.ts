import { toUpdateFileFields } from '../core/schedule/node-configuration.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { DataWorksSession } from '../ports.js';
import type { TaskRecord } from '../core/state/state-schema.js';
import type { JsonObject } from '../core/text/json.js';

// After the content is in DataWorks (CreateDISyncTask or UpdateDISyncTask) and before submit/deploy:
// UpdateFile with the schedule's fields that differ from what DataWorks has, only those (the service
// refuses an unchanged value as invalid data). Returns the record with the schedule applied; throws
// the call's error, for the caller to record the content as applied and the schedule as not.
// What DataWorks has is the last applied schedule, except where dwsync has none to go by (its first
// schedule for this file) or the live one drifted from it (apply --force): then GetFile's
// NodeConfiguration is read first, so that a field already at its value is not sent.
export async function pushFileSchedule(entry: PlannedTask, fileId: number, record: TaskRecord, session: DataWorksSession): Promise<TaskRecord | null> {
  const desired = entry.desired;
  if (!desired?.schedule || !desired.scheduleHash || !record.applied) return null;
  if (record.applied.scheduleHash === desired.scheduleHash && !entry.drift) return null;
  const projectId = entry.task!.projectId;
  const applied = record.applied.schedule as JsonObject | undefined;
  const base = applied === undefined || entry.drift ? await liveSchedule(projectId, fileId, session) : applied;
  const fields = toUpdateFileFields(desired.schedule, base);
  if (Object.keys(fields).length > 0) {
    await session.call(() => session.dataWorks.updateFile({ projectId, fileId, fields }));
  }
  return { ...record, applied: { ...record.applied, schedule: desired.schedule, scheduleHash: desired.scheduleHash } };
}

async function liveSchedule(projectId: number, fileId: number, session: DataWorksSession): Promise<JsonObject> {
  const { value } = await session.call(() => session.dataWorks.getFile({ projectId, fileId }));
  return (value.file?.schedule as JsonObject | undefined) ?? {};
}
