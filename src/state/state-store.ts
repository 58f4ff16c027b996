import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InternalError } from '../errors.js';
import { openJournal, type Journal, type JournalStats } from './journal.js';
import { journalPathFor, readState, type LoadedState, type ReadStateOptions } from './read-state.js';
import { formatRemovalLine, formatTaskLine } from '../core/state/format-state.js';
import { isTaskKey, type State, type TaskRecord } from '../core/state/state-schema.js';
import { removeLeftovers } from './remove-leftovers.js';
import { syncDirectory } from './sync-directory.js';
import { writeState } from './write-state.js';

export type StateStore = {
  readonly state: State; // the current state, records included; treat as read-only
  readonly loaded: Omit<LoadedState, 'state'>; // what opening found: a new state, a leftover journal, warnings
  // Durable once it resolves: a run killed right after keeps this record.
  record(key: string, record: TaskRecord): Promise<void>;
  // Removes a key's record (its task was deleted in DataWorks), durably like record().
  remove(key: string): Promise<void>;
  // Folds the run's records into the state file and removes the journal. Writes only if something was
  // recorded (or opening had to), so a run with nothing to do leaves the file, and its git history, alone.
  close(): Promise<State>;
  stats(): JournalStats;
};

// One run's view of the state file. The caller holds the lock (acquireLock) for as long as it is open.
// Records are stamped by the caller (the `at` fields), so the store needs no clock.
//
// Crash safety, step by step: open writes the folded state, then removes the old journal, then starts a
// new one; close writes the state, then removes the journal. A crash between a write and a removal
// leaves a journal that is already in the state; folding it again changes nothing (foldJournal).
export async function openStateStore(path: string, options: ReadStateOptions = {}): Promise<StateStore> {
  const loaded = await readState(path, options);
  // A write killed between creating its temp file and renaming it leaves `<state>.tmp-<pid>`; the caller
  // holds the lock, so no live writer owns one. Best effort: one that cannot be removed does not stop the run.
  await removeLeftovers(path, ['.tmp-']).catch(() => undefined);
  const journalPath = journalPathFor(path);
  let state = loaded.state;
  // Write before the journal exists: a new state's lineage and salt must be on disk before any record
  // that depends on them, and a leftover journal must be folded before a new one replaces it.
  if (!loaded.exists || loaded.journal.found) state = await writeState(path, state);
  if (loaded.journal.found) await removeJournal(journalPath);
  const journal: Journal = await openJournal(journalPath, { lineage: state.lineage, serial: state.serial });
  // The line the journal holds for each record made by this run: the state file's line for it too, so
  // close() writes it as it is (formatting every record again took most of the final write). Kept as
  // text: encoding each line into bytes of its own to keep cost more in record() than it saved here.
  const lines = new Map<string, { record: TaskRecord; line: string }>();
  const knownLine = (key: string, record: TaskRecord) => {
    const known = lines.get(key);
    return known?.record === record ? known.line : undefined;
  };
  let dirty = false;
  let closing: Promise<State> | null = null;
  // Why record() or remove() of this key must not go ahead, if it must not.
  const refusal = (call: string, key: string): InternalError | null =>
    closing !== null ? new InternalError(`state ${path}: ${call}(${key}) after close`) : !isTaskKey(key) ? new InternalError(`state ${path}: bad task key ${JSON.stringify(key)}`) : null;
  const { state: _omit, ...info } = loaded;

  return {
    get state() {
      return state;
    },
    loaded: info,
    record(key, record) {
      const refused = refusal('record', key);
      if (refused !== null) return Promise.reject(refused);
      const line = formatTaskLine(key, record);
      // In memory first, so the state a caller sees includes every record it has started.
      // Mutating our own copy keeps a record O(1); the tasks object came from readState and is ours.
      state.tasks[key] = record;
      lines.set(key, { record, line });
      dirty = true;
      return journal.append(line);
    },
    remove(key) {
      const refused = refusal('remove', key);
      if (refused !== null) return Promise.reject(refused);
      delete state.tasks[key];
      lines.delete(key);
      dirty = true;
      return journal.append(formatRemovalLine(key));
    },
    close() {
      closing ??= (async () => {
        // The state file needs only the records in memory, so it is written while the journal closes
        // (waiting for its last records to be durable, and for its syncing thread to stop: tens of
        // milliseconds). Removing the journal waits for both.
        const journalClosed = journal.close();
        try {
          if (dirty) state = await writeState(path, state, knownLine);
        } finally {
          await journalClosed;
        }
        lines.clear();
        await removeJournal(journalPath);
        return state;
      })();
      return closing;
    },
    stats: () => journal.stats(),
  };
}

async function removeJournal(journalPath: string): Promise<void> {
  await unlink(journalPath);
  await syncDirectory(dirname(journalPath));
}
