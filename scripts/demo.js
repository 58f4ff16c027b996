// npm run demo: the whole loop on the local emulator, no cloud account needed.
// Starts the emulator seeded from jobs/, then plan → apply → plan with a throwaway state file.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { main } from '../build/cli.js';
import { startEmulator } from '../build/emulator/start-emulator.js';
import { readTaskFiles } from '../build/tasks/read-task-files.js';

const root = path.resolve(import.meta.dirname, '..');
Object.assign(process.env, {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator',
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
});

const { tasks } = await readTaskFiles({ root, jobsDir: 'jobs' });
const emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })), latencyMs: 20 });
const scratch = await mkdtemp(path.join(os.tmpdir(), 'dwsync-demo-'));
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: root };
const common = ['--state', path.join(scratch, 'state.json'), '--endpoint', emulator.url];

async function step(title, args) {
  process.stdout.write(`\n\u001b[1m$ dwsync ${args.join(' ')}\u001b[22m   # ${title}\n`);
  const started = performance.now();
  const code = await main(args, io);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`(exit ${code}, ${seconds.toFixed(2)} s)\n`);
  return { code, seconds };
}

let failed = false;
try {
  process.stdout.write(`emulator on ${emulator.url}, seeded with ${tasks.length} task(s) from jobs/\n`);
  failed ||= (await step('check every task file', ['validate'])).code !== 0;
  failed ||= (await step('what would change (everything is new)', ['plan', ...common])).code !== 0;
  const applied = await step('push the changes', ['apply', ...common]);
  failed ||= applied.code !== 0;
  const second = await step('nothing left to do', ['plan', '--detailed-exitcode', ...common]);
  failed ||= second.code !== 0;
  process.stdout.write(`\napplied ${tasks.length} task(s) at ${(tasks.length / applied.seconds).toFixed(1)} tasks/s (qps ceiling 5, 20 ms emulator latency)\n`);
} finally {
  await emulator.close();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
