// The real parse worker, which fails (an uncaught error) when it is sent its second batch, having
// answered the first. Each start and each batch is written to the file named by DWSYNC_TEST_WORKER_LOG.
import { appendFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const log = (line) => appendFileSync(process.env.DWSYNC_TEST_WORKER_LOG, `${line}\n`);
log('start');
let batches = 0;
parentPort.on('message', (batch) => {
  batches += 1;
  log(`batch ${batch.start}`);
  if (batches === 2) throw new Error('this worker fails on its second batch');
});
await import('../../../build/tasks/parse-worker.js');
