import { toUpdateFileFields } from '../core/schedule/node-configuration.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { DataWorksSession } from '../ports.js';
import type { TaskRecord } from '../core/state/state-schema.js';

// After the content is in DataWorks (CreateDISyncTask or UpdateDISyncTask) and before submit/deploy:
// UpdateFile with the schedule's fields that differ from the last applied schedule, only those (the
// service refuses an unchanged value as invalid data). Returns the record with the schedule applied;
// throws the call's error, for the caller to record the content as applied and the schedule as not.
// The base is the last applied schedule: a key dwsync has not applied yet is sent.
export async function pushFileSchedule(entry: PlannedTask, fileId: number, record: TaskRecord, session: DataWorksSession): Promise<TaskRecord | null> {
  const desired = entry.desired;
  if (!desired?.schedule || !desired.scheduleHash || !record.applied) return null;
  if (record.applied.scheduleHash === desired.scheduleHash) return null;
  const fields = toUpdateFileFields(desired.schedule, (record.applied.schedule as Record<string, never> | undefined) ?? {});
  if (Object.keys(fields).length > 0) {
    await session.call(() => session.dataWorks.updateFile({ projectId: entry.task!.projectId, fileId, fields }));
  }
  return { ...record, applied: { ...record.applied, schedule: desired.schedule, scheduleHash: desired.scheduleHash } };
}
