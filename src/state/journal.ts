import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InternalError } from '../errors.js';
import { formatJournalLine } from '../core/state/format-state.js';
import { JOURNAL_FORMAT_VERSION, type JournalHeader } from '../core/state/parse-journal.js';
import { TaskKey, type TaskRecord } from '../core/state/state-schema.js';
import { syncDirectory } from './sync-directory.js';

export type Journal = {
  readonly path: string;
  // Resolves once the line is on disk (written and fdatasync'ed); rejects if it could not be.
  // A null record removes the key's record.
  record(key: string, record: TaskRecord | null): Promise<void>;
  close(): Promise<void>; // waits for records in flight; the file stays for the caller to fold and remove
  stats(): JournalStats;
};

export type JournalStats = { records: number; writes: number }; // writes: fdatasync rounds

type Waiting = { resolve: () => void; reject: (error: unknown) => void };

// Each record's line is written at once (synchronously, a few microseconds), so it is in the file,
// and survives the process being killed, as soon as record() returns; durability against a crash of
// the machine comes from group commit: while one fdatasync is in flight, new records wait, and the
// next round makes all of them durable with one fdatasync. A caller can therefore go on (start its
// next call) right after record() returns and report the outcome when the promise resolves.
// Cost per record stays O(1) in the size of the state, and the number of syncs follows the disk's
// speed, not the number of records.
export async function openJournal(path: string, base: { lineage: string; serial: number }): Promise<Journal> {
  // 'ax': append-only, and refuse to clobber a journal nobody has folded yet.
  const handle = await open(path, 'ax', 0o644);
  const header: JournalHeader = { journal: JOURNAL_FORMAT_VERSION, lineage: base.lineage, baseSerial: base.serial };
  try {
    await writeAll(handle, `${JSON.stringify(header)}\n`);
    await handle.datasync();
    await syncDirectory(dirname(path));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return groupCommitJournal(path, handle);
}

function groupCommitJournal(path: string, handle: FileHandle): Journal {
  let waiting: Waiting[] = [];
  let draining: Promise<void> | null = null;
  let failure: unknown = null; // after a failed write the tail may be torn: appending more would bury it
  let closed = false;
  const stats: JournalStats = { records: 0, writes: 0 };

  async function drain(): Promise<void> {
    await Promise.resolve(); // let the records of the current synchronous burst join the first round
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        if (failure !== null) throw failure;
        await handle.datasync();
        stats.writes++;
        stats.records += batch.length;
        for (const w of batch) w.resolve();
      } catch (error) {
        failure ??= error;
        for (const w of batch) w.reject(error);
      }
    }
    draining = null;
  }

  return {
    path,
    record(key, record) {
      if (closed) return Promise.reject(new InternalError(`journal ${path}: record(${key}) after close`));
      if (!TaskKey.safeParse(key).success) return Promise.reject(new InternalError(`journal ${path}: bad task key ${JSON.stringify(key)}`));
      const line = `${formatJournalLine(key, record)}\n`;
      if (failure !== null) return Promise.reject(failure);
      try {
        writeAllSync(handle.fd, line);
      } catch (error) {
        failure = error;
        return Promise.reject(error);
      }
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        draining ??= drain();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await draining;
      await handle.close();
    },
    stats: () => ({ ...stats }),
  };
}

// A write may write less than asked; loop until the whole line is out (one call in the usual case).
// Encoded once: writeSync of a string would encode it, and its length would have to be counted again.
function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset, null);
}

// FileHandle.write may write less than asked; loop until the whole text is out.
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    offset += bytesWritten;
  }
}
