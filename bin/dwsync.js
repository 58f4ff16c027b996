#!/usr/bin/env node
import { setMaxListeners } from 'node:events';

import { main } from '../build/cli.js';

// The first SIGINT/SIGTERM stops new calls and lets those in flight finish and be recorded;
// a second one exits at once (every finished call is already in the journal).
const controller = new AbortController();
// Each call waiting in the rate limiter or a retry backoff listens for it: many at once are expected.
setMaxListeners(0, controller.signal);
let signals = 0;
for (const name of ['SIGINT', 'SIGTERM']) {
  process.on(name, () => {
    signals += 1;
    if (signals > 1) process.exit(130);
    process.stderr.write(`\n${name}: finishing the calls in flight, starting no new ones (again to quit now)\n`);
    controller.abort(new Error(name));
  });
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
// Sockets kept alive by the SDK must not keep a finished run waiting, but exiting before a pipe has
// taken all of stdout would cut a large --json document short: flush both streams first.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
