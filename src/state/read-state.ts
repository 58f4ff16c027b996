import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../errors.js';
import { foldJournal } from '../core/state/fold-journal.js';
import { parseState } from '../core/state/parse-state.js';
import { createState, type State, type StateIdentity } from '../core/state/state-schema.js';

export type LoadedState = {
  state: State; // with any journal folded in; nothing on disk changed
  exists: boolean; // false: no state file yet, `state` is a fresh empty one
  journal: { found: boolean; records: number; tornTail: boolean };
  warnings: string[]; // for the caller to log, e.g. a dropped torn journal line
};

export type ReadStateOptions = { newIdentity?: () => StateIdentity };

export function journalPathFor(statePath: string): string {
  return `${statePath}.journal`;
}

export function newStateIdentity(): StateIdentity {
  return { lineage: randomUUID(), salt: randomBytes(32).toString('hex') };
}

// Reads the state file and folds the journal beside it, in memory only. Every way it can fail is a
// UserInputError naming the file; it never falls back to an empty state when a file exists.
export async function readState(path: string, options: ReadStateOptions = {}): Promise<LoadedState> {
  const stateText = await readOptional(path, `state file ${path}`);
  const journalPath = journalPathFor(path);
  const journalText = await readOptional(journalPath, `journal ${journalPath}`);
  if (stateText === null && journalText !== null) {
    throw new UserInputError(
      `journal ${journalPath} exists but its state file ${path} does not; put back the state file ` +
        `(e.g. from git), or move the journal aside to start a new state`,
    );
  }
  const base = stateText === null ? createState((options.newIdentity ?? newStateIdentity)()) : parseState(stateText, path);
  if (journalText === null) {
    return { state: base, exists: stateText !== null, journal: { found: false, records: 0, tornTail: false }, warnings: [] };
  }
  const folded = foldJournal(base, journalText, journalPath);
  const warnings =
    folded.tornLine === null
      ? []
      : [`journal ${journalPath}: dropped its torn last line ${folded.tornLine} (a run was killed while writing it)`];
  return {
    state: folded.state,
    exists: true,
    journal: { found: true, records: folded.records, tornTail: folded.tornTail },
    warnings,
  };
}

async function readOptional(path: string, what: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserInputError(`cannot read ${what}: ${reason}`, { cause: error });
  }
}
