// A worker thread of parse-task-files.ts: it reads and parses the batches of task files it is sent
// and answers each with their results, in the same order, its tasks as messages (task-message.ts).
import { parentPort } from 'node:worker_threads';
import { readParsedTaskFile } from './read-parsed-task-file.js';
import { toTaskMessage } from './task-message.js';
import type { ParseBatch, ParsedBatch } from './parse-task-files.js';

parentPort?.on('message', async (batch: ParseBatch) => {
  const results: ParsedBatch['results'] = [];
  for (const file of batch.files) {
    const parsed = await readParsedTaskFile(batch.root, file);
    results.push({ ...parsed, tasks: parsed.tasks.map(toTaskMessage) });
  }
  parentPort!.postMessage({ start: batch.start, results } satisfies ParsedBatch);
});
