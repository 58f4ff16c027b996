import { afterEach } from 'vitest';
import { seedFromTasks, startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/start-emulator.js';
import type { Task } from '../../src/core/task/task.js';
import { buildTask, type FileIdTask } from './build-task.js';
import { emulatorCredentials, runCli } from './run-cli.js';
import { taskYaml } from './task-yaml.js';
import { createTempRepo } from './temp-repo.js';
import type { TempRepo } from './temp-repo.js';

export type Call = { action: string; parameters: Record<string, string>; status: number | null; code?: string };

export type E2e = {
  repo: TempRepo;
  emulator: Emulator;
  tasks: FileIdTask[];
  commit: string;
  dwsync(args: string[]): ReturnType<typeof runCli>;
  calls(): Promise<Call[]>;
  cleanup(): Promise<void>;
};

// A temporary git repository with `count` task files, committed, and an emulator seeded with the first
// `seedCount` of them. dwsync() runs the built CLI there against the emulator.
export async function setupE2e(
  count: number,
  options: { emulator?: EmulatorOptions; seedCount?: number; files?: Record<string, string>; task?: (i: number) => Partial<Task> & { fileId?: number } } = {},
): Promise<E2e> {
  const tasks = Array.from({ length: count }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/t${i}.yaml`, ...options.task?.(i) }));
  const files = { ...Object.fromEntries(tasks.map((task) => [task.file, taskYaml(task)])), ...options.files };
  const repo = await createTempRepo(files);
  const commit = await repo.commit('tasks');
  // As `dwsync emulator --seed` does: each task exists, and so do its datasources and resource group.
  const seed = seedFromTasks(tasks.slice(0, options.seedCount ?? count));
  const emulator = await startEmulator({ port: 0, seed, ...options.emulator });
  return {
    repo,
    emulator,
    tasks,
    commit,
    dwsync: (args) => runCli([...args, '--endpoint', emulator.url], { cwd: repo.dir, env: emulatorCredentials, timeoutMs: 120_000 }),
    calls: async () => (await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as Call[],
    cleanup: async () => {
      await emulator.close();
      await repo.remove();
    },
  };
}

// For a test file: a setupE2e whose environments are cleaned up after each test.
export function useE2e(): typeof setupE2e {
  const opened: E2e[] = [];
  afterEach(async () => {
    for (const env of opened.splice(0)) await env.cleanup();
  });
  return async (...args) => {
    const env = await setupE2e(...args);
    opened.push(env);
    return env;
  };
}
