import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ParsedTaskFile } from '../core/task/parse-task-file.js';
import { readParsedTaskFile } from './read-parsed-task-file.js';
import type { readTaskText } from './read-task-text.js';
import { fromTaskMessage, type TaskMessage } from './task-message.js';

// What this thread and a parse worker (parse-worker.ts) send each other: a batch of files, by the
// index of its first one, and their results in the same order.
export type ParseBatch = { root: string; files: string[]; start: number };
export type ParsedBatch = { start: number; results: Array<Omit<ParsedTaskFile, 'tasks'> & { tasks: TaskMessage[] }> };

export type ParseTaskFilesOptions = {
  threads?: number; // threads that parse, this one included; default: the machine's cores, at most MAX_THREADS
  readText?: typeof readTaskText; // tests watch the reads with it; files are then all read on this thread
  worker?: URL; // the worker's module (tests give one that fails)
};

const BATCH = 64; // files a message carries: about 30 ms of parsing
const IN_FLIGHT = 2; // batches a worker holds, so it has the next one while this thread is busy parsing
// A worker starts cold (its own modules, its own compiled code) and costs 10-20 MB: on 2 cores,
// validating 1,000 files took 1.14 times as long with a worker as without, 2,500 files 0.94 times,
// 5,000 files 0.86 times. Fewer files than this per thread do not pay it back.
const MIN_FILES_PER_THREAD = 1500;
// Past this, this thread (which makes every received task whole again, then plans) is the bottleneck.
const MAX_THREADS = 4;
const WORKER = new URL('./parse-worker.js', import.meta.url);
// A worker holds one batch's parse at a time; left to V8's defaults its heap grows far past that
// before it collects (10,000 files: 20 MB more at the run's peak). A batch that needs more than this
// (a file of a few hundred kilobytes; task files are a few) ends the worker: this thread parses that
// batch, and another worker starts.
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 };
const MAX_WORKER_STARTS = 3; // per thread

// Reads and parses task files, results in the order of `files`. Parsing YAML is most of a plan's
// time, and the files are independent: with many files, worker threads take batches of them while
// this thread parses batches too. A worker that fails leaves its batches to this thread; the results
// are the same either way.
export async function parseTaskFiles(root: string, files: readonly string[], options: ParseTaskFilesOptions = {}): Promise<ParsedTaskFile[]> {
  const results = new Array<ParsedTaskFile>(files.length);
  const queue: number[] = [];
  for (let start = 0; start < files.length; start += BATCH) queue.push(start);
  const parseHere = async (start: number) => {
    for (let i = start; i < Math.min(start + BATCH, files.length); i++) results[i] = await readParsedTaskFile(root, files[i]!, options.readText);
  };
  const work = () => runWorker(options.worker ?? WORKER, root, files, queue, results);
  const workers = Array.from({ length: workerCount(files.length, options) }, () => keepWorking(work, queue));
  for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
    await parseHere(start);
    if (workers.length > 0) await setImmediate(); // lets the workers' answers in, and their next batches out
  }
  for (const left of (await Promise.all(workers)).flat()) await parseHere(left);
  return results;
}

function workerCount(files: number, options: ParseTaskFilesOptions): number {
  if (options.readText !== undefined) return 0;
  // Run from the TypeScript sources (the unit tests), there is no compiled worker module.
  if (options.worker === undefined && !existsSync(fileURLToPath(WORKER))) return 0;
  const threads = Math.min(options.threads ?? Math.min(availableParallelism(), MAX_THREADS), Math.floor(files / MIN_FILES_PER_THREAD));
  return Math.max(0, threads - 1);
}

// A worker, and a new one in its place when it fails while batches are left (a few times at most):
// one file too large for a worker's heap should not halve the threads for the rest of the run.
// Resolves with the batches the failed workers left, which this thread parses.
async function keepWorking(work: () => Promise<number[]>, queue: readonly number[]): Promise<number[]> {
  const left: number[] = [];
  for (let started = 0; started < MAX_WORKER_STARTS; started++) {
    const failed = await work();
    left.push(...failed);
    if (failed.length === 0 || queue.length === 0) break;
  }
  return left;
}

// One worker taking batches from the shared queue until it is empty. Resolves with the batches it was
// given and did not answer, if it failed (none when it finished them all).
function runWorker(module: URL, root: string, files: readonly string[], queue: number[], results: ParsedTaskFile[]): Promise<number[]> {
  return new Promise((resolve) => {
    // No inherited node flags: a preloaded module (--import) or a profiler is this process's, not the worker's.
    const worker = new Worker(module, { resourceLimits: WORKER_HEAP, execArgv: [] });
    const given = new Set<number>();
    const send = () => {
      const start = queue.shift();
      if (start === undefined) return;
      given.add(start);
      worker.postMessage({ root, files: files.slice(start, start + BATCH), start } satisfies ParseBatch);
    };
    const stop = () => {
      worker.removeAllListeners().on('error', () => {}); // what a stopping worker still reports changes nothing
      void worker.terminate();
      resolve([...given]);
    };
    worker.on('message', (batch: ParsedBatch) => {
      batch.results.forEach((result, i) => (results[batch.start + i] = { ...result, tasks: result.tasks.map(fromTaskMessage) }));
      given.delete(batch.start);
      send();
      if (given.size === 0) stop();
    });
    worker.on('error', stop);
    worker.on('exit', stop);
    for (let i = 0; i < IN_FLIGHT; i++) send();
    if (given.size === 0) stop();
  });
}
