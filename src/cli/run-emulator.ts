import path from 'node:path';

import { startEmulator } from '../emulator/start-emulator.js';
import { EXIT } from '../exit-code.js';
import { readTaskFiles } from '../tasks/read-task-files.js';
import type { CliIo } from './cli-io.js';
import type { ParsedArgs } from './parse-args.js';
import { parseNumberFlag } from './parse-args.js';
import { UserInputError } from '../errors.js';

// Serves until SIGINT/SIGTERM (io.signal), then closes and exits 0.
export async function runEmulator(values: ParsedArgs['values'], io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, typeof values.C === 'string' ? values.C : '.');
  const seed = typeof values.seed === 'string' ? await readSeed(root, values.seed) : [];
  const mode = values.mode;
  if (mode !== undefined && mode !== 'basic' && mode !== 'standard') {
    throw new UserInputError(`--mode must be "basic" or "standard", got "${String(mode)}"`);
  }
  const emulator = await startEmulator({
    port: parseNumberFlag(values, 'port', { integer: true, min: 0, max: 65_535 }) ?? 8787,
    seed,
    latencyMs: parseNumberFlag(values, 'latency-ms', { min: 0, max: 600_000 }) ?? 0,
    qps: parseNumberFlag(values, 'qps', { min: 0, max: 100_000 }) ?? 0,
    failRate: parseNumberFlag(values, 'fail-rate', { min: 0, max: 1 }) ?? 0,
    quotaAfter: parseNumberFlag(values, 'quota-after', { integer: true, min: 0 }) ?? null,
    ...(mode ? { projectMode: mode } : {}),
  });
  io.stdout.write(`dwsync emulator listening on ${emulator.url}\n`);
  io.stderr.write(`seeded ${seed.length} task(s); access key id "emulator", secret "emulator"\n`);
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  return EXIT.ok;
}

async function readSeed(root: string, dir: string): Promise<Array<{ projectId: number; fileId: number }>> {
  const { tasks, problems } = await readTaskFiles({ root, jobsDir: dir });
  if (problems.length > 0) throw new UserInputError(`--seed ${dir}: task files are invalid`, { problems });
  return tasks.flatMap(({ projectId, fileId }) => (fileId === null ? [] : [{ projectId, fileId }]));
}
