import type { DesiredConfig } from '../plan/desired-config.js';
import type { TaskRecord } from '../state/state-schema.js';

// The state record of an imported task: the config just read counts as applied, from no commit.
// No last attempt: dwsync has not pushed it, so a plan has nothing to retry. Pure.
export function importedRecord(input: { file: string; desired: DesiredConfig; at: string; requestId: string }): TaskRecord {
  const { taskContent, taskParam, taskContentHash, taskParamHash, schedule, scheduleHash } = input.desired;
  const imported = schedule !== undefined ? { schedule, scheduleHash } : {}; // desiredConfig gives both or neither
  return {
    file: input.file,
    applied: { taskContent, taskParam, taskContentHash, taskParamHash, ...imported, appliedAt: input.at, commit: null, requestId: input.requestId },
    lastAttempt: null,
  };
}
