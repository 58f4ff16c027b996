import { UserInputError } from '../../errors.js';
import type { State, TaskRecord } from './state-schema.js';

// Two states written by two runs from one lineage → one state holding both runs' outcomes.
// The state is keyed by task, so the merge is per task and never textual: each task keeps the
// record of its newest recorded attempt. The serial is the larger one; writing the merged state
// (writeState) makes it max + 1, above both. Pure: the callers read and write the files.
export function mergeStates(ours: State, theirs: State, what = 'the two states'): State {
  if (ours.lineage !== theirs.lineage || ours.salt !== theirs.salt) {
    throw new UserInputError(
      `cannot merge ${what}: they belong to different state files (lineage ${ours.lineage} and ${theirs.lineage}); ` +
        `one of them was created anew instead of being carried over`,
    );
  }
  const tasks: Record<string, TaskRecord> = { ...theirs.tasks };
  for (const [key, record] of Object.entries(ours.tasks)) {
    const other = tasks[key];
    // ISO 8601 timestamps in UTC compare as text. A tie keeps ours (the caller's own run).
    if (other === undefined || recordedAt(record) >= recordedAt(other)) tasks[key] = record;
  }
  return { ...theirs, ...ours, serial: Math.max(ours.serial, theirs.serial), tasks };
}

// The time of a record's newest recorded event: its last attempt, else its last successful apply.
function recordedAt(record: TaskRecord): string {
  const times = [record.lastAttempt?.at, record.applied?.appliedAt, record.deploy?.at].filter((t): t is string => typeof t === 'string');
  return times.sort().at(-1) ?? '';
}
