// npm run demo: the whole loop on the local emulator, no cloud account needed.
// Starts the emulator seeded from jobs/ (a workspace that dwsync.yaml puts on the new Data Studio
// holds nodes, every other one files), then runs validate → plan → apply → plan as separate
// processes with a throwaway state file, printing each command exactly as it runs it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { readNewStudioWorkspaces, seedNodesFromTasks } from '../build/emulator/seed-new-studio.js';
import { startEmulator } from '../build/emulator/start-emulator.js';
import { readTaskFiles } from '../build/tasks/read-task-files.js';

const root = path.resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator',
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
};
// Bold only for a person at a terminal (https://no-color.org: a non-empty NO_COLOR turns it off).
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (text) => `\u001b[1m${text}\u001b[22m` : (text) => text;

const { tasks } = await readTaskFiles({ root, jobs: 'jobs' });
const newStudio = await readNewStudioWorkspaces(root);
const files = tasks.filter((task) => !newStudio.includes(task.projectId)).map(({ projectId, fileId }) => ({ projectId, fileId }));
const nodes = seedNodesFromTasks(tasks, newStudio);
const emulator = await startEmulator({ port: 0, seed: files, newStudio, nodes, latencyMs: 20 });
const scratch = await mkdtemp(path.join(os.tmpdir(), 'dwsync-demo-'));
const common = ['--state', path.join(scratch, 'state.json'), '--endpoint', emulator.url];

// Runs `node bin/dwsync.js ARGS` in the repository, after printing that very command line. The
// emulator lives in this process, so the child runs asynchronously while this one serves it.
async function step(title, args) {
  const argv = ['bin/dwsync.js', ...args];
  process.stdout.write(`\n${bold(`$ node ${argv.join(' ')}`)}   # ${title}\n`);
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: 'inherit' });
  const code = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`(exit ${code}, ${seconds.toFixed(2)} s including node's start)\n`);
  return { code, seconds };
}

let failed = false;
try {
  process.stdout.write(`emulator on ${emulator.url}, seeded from jobs/ with ${files.length} file(s) (2020-05-18) and ${nodes.length} node(s) (2024-05-18)\n`);
  process.stdout.write('every command runs with ALIBABA_CLOUD_ACCESS_KEY_ID=emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator\n');
  failed ||= (await step('check every task file', ['validate'])).code !== 0;
  failed ||= (await step('what would change (dwsync has applied nothing yet)', ['plan', ...common])).code !== 0;
  failed ||= (await step('push the changes', ['apply', ...common])).code !== 0;
  failed ||= (await step('nothing left to do', ['plan', '--detailed-exitcode', ...common])).code !== 0;
} finally {
  await emulator.close();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
