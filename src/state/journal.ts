import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import { JOURNAL_FORMAT_VERSION, type JournalHeader } from '../core/state/parse-journal.js';
import { syncDirectory } from './sync-directory.js';

export type Journal = {
  readonly path: string;
  // Writes one line (a task's record or its removal, parse-journal.ts; without its newline) at once.
  // Resolves once the line is on disk (fdatasync'ed); rejects if it could not be.
  append(line: string): Promise<void>;
  close(): Promise<void>; // waits for records in flight; the file stays for the caller to fold and remove
  stats(): JournalStats;
};

// writes: fdatasync rounds. mainThreadMs: time the main thread spent on them (settling the records a
// round made durable), beside what append() itself takes.
export type JournalStats = { records: number; writes: number; mainThreadMs: number };

type Waiting = { line: number; resolve: () => void; reject: (error: unknown) => void };

// Cells shared with the syncing thread (Int32Array indexes).
const WRITTEN = 0; // lines written so far (main thread)
const SYNCED = 1; // lines made durable by the last fdatasync (syncing thread)
const WAKE = 2; // bumped by the main thread for every line and at close, so the syncing thread never sleeps through one
const STOP = 3; // 1: close; the syncing thread exits once every line is synced
const ROUNDS = 4; // fdatasync calls made
const ASLEEP = 5; // 1: the syncing thread sleeps until woken (no line for a while)
const CELLS = 6;

// How the syncing thread waits for lines: naps of NAP_MS while lines keep coming, so that the main
// thread need not wake it (a system call, and on a small machine often a switch to that thread, in
// the middle of append()); after NAPS without a line it sleeps until the next line wakes it.
const NAP_MS = 2;
const NAPS = 25;

// The syncing thread: while lines are written that are not yet durable, one fdatasync makes all of
// them durable; then it waits for the next line. It never waits for the main thread: lines that arrive
// during a round are simply there for the next one. Plain JavaScript, run from this text, so it works
// the same from the build, a bundle (the GitHub Action) or the TypeScript sources under test.
const SYNCING_THREAD = `
const { workerData } = require('node:worker_threads');
const { fdatasyncSync } = require('node:fs');
const cells = new Int32Array(workerData.cells);
let naps = 0;
for (;;) {
  const wake = Atomics.load(cells, ${WAKE});
  const written = Atomics.load(cells, ${WRITTEN});
  if (written !== Atomics.load(cells, ${SYNCED})) {
    naps = 0;
    fdatasyncSync(workerData.fd);
    Atomics.add(cells, ${ROUNDS}, 1);
    Atomics.store(cells, ${SYNCED}, written);
    Atomics.notify(cells, ${SYNCED});
  } else if (Atomics.load(cells, ${STOP}) === 1) {
    break;
  } else if (naps < ${NAPS}) {
    naps++;
    Atomics.wait(cells, ${WAKE}, wake, ${NAP_MS});
  } else {
    // Said before waiting: a line written after this sees it and wakes the thread, one written before
    // has changed WAKE, and the wait returns at once.
    Atomics.store(cells, ${ASLEEP}, 1);
    Atomics.wait(cells, ${WAKE}, wake);
    Atomics.store(cells, ${ASLEEP}, 0);
    naps = 0;
  }
}
`;

// Each line is written at once, on the caller's thread (writeSync, a few microseconds), so it
// is in the file, and survives the process being killed, as soon as append() returns. Durability
// against a crash of the machine comes from group commit on a thread of its own: while one fdatasync
// runs, new lines accumulate, and the next fdatasync makes all of them durable. A caller can therefore
// go on (start its next call) right after append() returns, and report the outcome when the promise
// resolves. The main thread only writes lines and settles promises: starting each fdatasync on it (a
// thread-pool hand-off per round) cost more than writing the lines.
// A power loss can lose only lines not yet durable, whose promises have not resolved: those written
// since the last completed fdatasync began (the round in progress and the lines waiting for the next).
export async function openJournal(path: string, base: { lineage: string; serial: number }): Promise<Journal> {
  // 'ax': append-only, and refuse to clobber a journal nobody has folded yet.
  const handle = await open(path, 'ax', 0o644);
  const header: JournalHeader = { journal: JOURNAL_FORMAT_VERSION, lineage: base.lineage, baseSerial: base.serial };
  try {
    await handle.writeFile(`${JSON.stringify(header)}\n`, 'utf8'); // every byte, looping on short writes
    await handle.datasync();
    await syncDirectory(dirname(path));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return groupCommitJournal(path, handle);
}

function groupCommitJournal(path: string, handle: FileHandle): Journal {
  const cells = new Int32Array(new SharedArrayBuffer(CELLS * Int32Array.BYTES_PER_ELEMENT));
  // execArgv []: none of the parent's flags (a profiler, a preloaded module) applies to this thread.
  const syncing = new Worker(SYNCING_THREAD, { eval: true, workerData: { fd: handle.fd, cells: cells.buffer }, execArgv: [] });
  syncing.unref(); // it keeps the process alive only while records wait to be durable (watch)
  let waiting: Waiting[] = []; // in line order
  let written = 0;
  let watching = false;
  let idle: (() => void) | null = null; // close() waiting for the last records
  let failure: unknown = null; // after a failed write or sync the tail may be torn: appending more would bury it
  let closed = false;
  const stats = { records: 0, mainThreadMs: 0 };
  const exited = new Promise<void>((resolve) => syncing.once('exit', () => resolve()));
  syncing.once('error', fail); // fdatasync failed: the thread threw it
  syncing.once('exit', (code) => {
    if (!closed) fail(new InternalError(`journal ${path}: the thread syncing it stopped (exit code ${code})`));
  });

  function fail(error: unknown): void {
    failure ??= error;
    const rejected = waiting;
    waiting = [];
    for (const w of rejected) w.reject(failure);
    syncing.unref();
    idle?.(); // a wait for the next round may never end now: close() must not wait for it
  }

  // Settles the records the last fdatasync made durable; goes on watching while any wait.
  function onSynced(): void {
    const started = performance.now();
    watching = false;
    const synced = Atomics.load(cells, SYNCED);
    let done = 0;
    while (done < waiting.length && waiting[done]!.line <= synced) waiting[done++]!.resolve();
    if (done > 0) waiting = waiting.slice(done);
    stats.records += done;
    watch();
    stats.mainThreadMs += performance.now() - started;
  }

  function watch(): void {
    if (watching) return;
    if (waiting.length === 0) {
      syncing.unref();
      idle?.();
      return;
    }
    watching = true;
    syncing.ref(); // a process waiting for its records to be durable must not exit meanwhile
    const seen = Atomics.load(cells, SYNCED);
    const wait = seen >= waiting[0]!.line ? null : Atomics.waitAsync(cells, SYNCED, seen);
    if (wait === null || !wait.async) queueMicrotask(onSynced);
    else void wait.value.then(onSynced);
  }

  return {
    path,
    append(text) {
      if (closed) return Promise.reject(new InternalError(`journal ${path}: a line appended after close`));
      if (failure !== null) return Promise.reject(failure);
      try {
        writeAllSync(handle.fd, `${text}\n`);
      } catch (error) {
        fail(error);
        return Promise.reject(error);
      }
      const line = ++written;
      Atomics.store(cells, WRITTEN, line);
      Atomics.add(cells, WAKE, 1);
      if (Atomics.load(cells, ASLEEP) === 1) Atomics.notify(cells, WAKE);
      return new Promise<void>((resolve, reject) => {
        waiting.push({ line, resolve, reject });
        watch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (waiting.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      Atomics.store(cells, STOP, 1);
      Atomics.add(cells, WAKE, 1);
      Atomics.notify(cells, WAKE);
      syncing.ref();
      await exited;
      await handle.close();
    },
    stats: () => ({ ...stats, writes: Atomics.load(cells, ROUNDS) }),
  };
}

// One buffer for every line, encoded into it (a line a time, synchronously) rather than into a new
// Buffer per line: fewer allocations on the main thread. Room for 3 bytes a UTF-16 unit, UTF-8's most.
let lineBuffer = Buffer.allocUnsafe(16 * 1024);

// A write may write less than asked; loop until the whole line is out (one call in the usual case).
function writeAllSync(fd: number, text: string): void {
  if (lineBuffer.length < text.length * 3) lineBuffer = Buffer.allocUnsafe(text.length * 3);
  const length = lineBuffer.write(text, 0, 'utf8');
  for (let offset = 0; offset < length; ) offset += writeSync(fd, lineBuffer, offset, length - offset, null);
}

