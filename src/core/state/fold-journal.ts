import { UserInputError } from '../../errors.js';
import { parseJournal } from './parse-journal.js';
import type { State, TaskRecord } from './state-schema.js';

export type FoldResult = {
  state: State;
  tornTail: boolean;
  tornLine: number | null;
  records: number; // journal entries applied (a key may repeat)
  baseSerial: number | null;
};

// Applies a journal's records to a state. Each entry replaces the whole record of its key, so folding
// the same journal twice gives the same state: that is what lets a run write the state and then delete
// the journal without caring which of the two a crash interrupts. The serial is left alone; writing
// the folded state is what advances it.
export function foldJournal(state: State, journalText: string, journalPath = 'journal'): FoldResult {
  const journal = parseJournal(journalText, journalPath);
  const torn = { tornTail: journal.tornLine !== null, tornLine: journal.tornLine };
  if (journal.header === null) return { state, ...torn, records: 0, baseSerial: null };
  if (journal.header.lineage !== state.lineage) {
    throw new UserInputError(
      `journal ${journalPath} belongs to another state (its lineage is ${journal.header.lineage}, the state file's is ${state.lineage}); ` +
        `move the journal aside if it is stale, or put back the state file it belongs to`,
    );
  }
  const tasks: Record<string, TaskRecord> = { ...state.tasks };
  for (const entry of journal.entries) {
    if (entry.record === null) delete tasks[entry.key];
    else tasks[entry.key] = entry.record;
  }
  return { state: { ...state, tasks }, ...torn, records: journal.entries.length, baseSerial: journal.header.baseSerial };
}
