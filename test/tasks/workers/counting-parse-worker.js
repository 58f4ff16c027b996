// The real parse worker (compiled, in build/), which also writes each batch it is given to the file
// named by DWSYNC_TEST_WORKER_LOG: the test sees from outside which batches the workers took.
import { appendFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import '../../../build/tasks/parse-worker.js';

parentPort.on('message', (batch) => appendFileSync(process.env.DWSYNC_TEST_WORKER_LOG, `batch ${batch.start}\n`));
