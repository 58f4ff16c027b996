import { randomBytes, randomUUID } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { errorMessage, UserInputError } from '../errors.js';
import { foldJournal } from '../core/state/fold-journal.js';
import { parseState, startStateLines, type StateLines } from '../core/state/parse-state.js';
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
  const read = await readStateFile(path);
  const journalPath = journalPathFor(path);
  const journalText = await readOptional(journalPath, `journal ${journalPath}`);
  if (read === null && journalText !== null) {
    throw new UserInputError(
      `journal ${journalPath} exists but its state file ${path} does not; put back the state file ` +
        `(e.g. from git), or move the journal aside to start a new state`,
    );
  }
  const base = read ?? createState((options.newIdentity ?? newStateIdentity)());
  if (journalText === null) {
    return { state: base, exists: read !== null, journal: { found: false, records: 0, tornTail: false }, warnings: [] };
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

// The state file, or null when there is none. Format 2 is parsed a line at a time as it is read, so
// a large state is never in memory as one text beside its records; any other text (format 1, or a
// first line that is not a format 2 header) is read whole, and its errors located in it.
async function readStateFile(path: string): Promise<State | null> {
  const what = `state file ${path}`;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cannotRead(what, error);
  }
  try {
    let lines: StateLines | null = null;
    for await (const { text, last } of readLines(handle, what)) {
      if (lines === null) lines = startStateLines(text, path);
      else lines.add(text, last);
      if (lines === null) break;
    }
    return lines?.finish() ?? parseState(await readWhole(path, what), path);
  } finally {
    await handle.close();
  }
}

const CHUNK_BYTES = 1 << 20;

// A file's lines as it is read, a chunk at a time; `last` is true for a final line with no newline
// after it (a write cut short), which is what node:readline cannot tell. Split on the newline byte,
// which never occurs inside a multi-byte UTF-8 character, so each line decodes on its own.
async function* readLines(handle: FileHandle, what: string): AsyncGenerator<{ text: string; last: boolean }> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let carried = Buffer.alloc(0); // the start of a line that goes on in the next chunk
  for (;;) {
    const bytesRead = await readChunk(handle, chunk, what);
    if (bytesRead === 0) break;
    const data = carried.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carried, chunk.subarray(0, bytesRead)]);
    let start = 0;
    for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
      yield { text: data.toString('utf8', start, end), last: false };
      start = end + 1;
    }
    carried = Buffer.from(data.subarray(start)); // a copy: the chunk is read into again
  }
  if (carried.length > 0) yield { text: carried.toString('utf8'), last: true };
}

async function readChunk(handle: FileHandle, chunk: Buffer, what: string): Promise<number> {
  try {
    return (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
  } catch (error) {
    throw cannotRead(what, error);
  }
}

async function readWhole(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw cannotRead(what, error);
  }
}

async function readOptional(path: string, what: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cannotRead(what, error);
  }
}

function cannotRead(what: string, error: unknown): UserInputError {
  const reason = errorMessage(error);
  return new UserInputError(`cannot read ${what}: ${reason}`, { cause: error });
}
