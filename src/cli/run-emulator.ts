import type { Task } from '../core/task/task.js';
import { seedFromTasks, seedNamedTaskReferences, startEmulator } from '../emulator/start-emulator.js';
import { EXIT } from '../exit-code.js';
import { readTaskFiles } from '../tasks/read-task-files.js';
import { renderEmulatorText } from '../views/render-emulator-text.js';
import type { CliIo } from './cli-io.js';
import { UserInputError } from '../errors.js';
import type { FlagValues } from './command-table.js';
import { readStartDirectory } from './options-from-args.js';
import { readIdFlag } from './flag-specs.js';
import { readNewStudioWorkspaces, seedNodesFromTasks } from '../emulator/seed-new-studio.js';

// Serves until SIGINT/SIGTERM (io.signal), then closes and exits 0.
export async function runEmulator(values: FlagValues, io: CliIo): Promise<number> {
  const root = await readStartDirectory(values, io.cwd);
  const seeded = typeof values.seed === 'string' ? await readSeed(root, values.seed) : [];
  const fromYaml = typeof values.seed === 'string' ? await readNewStudioWorkspaces(root) : [];
  const fromFlags = (Array.isArray(values.newStudio) ? values.newStudio : []).map((raw) => readIdFlag(raw, '--new-studio')!);
  const newStudio = [...new Set([...fromYaml, ...fromFlags])];
  // Tasks of a new-Data-Studio workspace are nodes, not files.
  const seed = seedFromTasks(seeded.filter((t) => !newStudio.includes(t.projectId)));
  const nodes = seedNodesFromTasks(seeded, newStudio);
  const mode = values.mode;
  if (mode !== undefined && mode !== 'basic' && mode !== 'standard') {
    throw new UserInputError(`--mode must be "basic" or "standard", got "${String(mode)}"`);
  }
  const emulator = await startEmulator({
    port: numberOr(values.port, 8787),
    seed,
    newStudio,
    nodes,
    latencyMs: numberOr(values.latencyMs, 0),
    qps: numberOr(values.qps, 0),
    failRate: numberOr(values.failRate, 0),
    quotaAfter: numberOr(values.quotaAfter, null),
    ...(mode ? { projectMode: mode } : {}),
  });
  seedNamedTaskReferences(emulator.state, seeded);
  const text = renderEmulatorText({ url: emulator.url, seeded: seed.length + nodes.length });
  io.stdout.write(text.stdout);
  io.stderr.write(text.stderr);
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  return EXIT.ok;
}

async function readSeed(root: string, dir: string): Promise<Task[]> {
  const { tasks, problems } = await readTaskFiles({ root, jobs: dir });
  if (problems.length > 0) throw new UserInputError(`--seed ${dir}: task files are invalid`, { problems });
  return tasks;
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' ? value : fallback;
}
