import { afterAll, afterEach, beforeAll } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { seedFromTasks, startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import type { FileIdTask } from '../support/build-task.js';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

// For the tests of cli/run-<command>.ts: main() in-process on a committed temp repository of task
// files and an emulator seeded with them (their data sources and groups too), its streams captured. The SDK's default credential chain
// reads process.env, so the emulator's key is set there for the file's tests and put back after.

export type CliRun = { code: number; stdout: string; stderr: string };
export type CliSession = {
  repo: TempRepo;
  emulator: Emulator;
  tasks: FileIdTask[];
  dwsync(args: string[], options?: { endpoint?: boolean; signal?: AbortSignal; env?: Record<string, string> }): Promise<CliRun>;
};

// main() in-process reads credentials through the SDK's default chain, which reads process.env: the
// emulator's key is set there for the test file and what was there before is put back after it.
export function useEmulatorKeyInEnv(): void {
  const saved = { id: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, secret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET };
  beforeAll(() => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'emulator';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'emulator';
  });
  afterAll(() => {
    for (const [name, value] of [['ALIBABA_CLOUD_ACCESS_KEY_ID', saved.id], ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', saved.secret]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

export function useCliSession(): (options?: { tasks?: number; emulator?: EmulatorOptions }) => Promise<CliSession> {
  useEmulatorKeyInEnv();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (options = {}) => {
    const tasks = Array.from({ length: options.tasks ?? 2 }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/ods/t${i + 1}.yaml` }));
    const repo = await createTempRepo(Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])));
    await repo.commit('tasks');
    cleanups.push(() => repo.remove());
    const emulator = await startEmulator({ seed: seedFromTasks(tasks), ...options.emulator });
    cleanups.push(() => emulator.close());
    const dwsync: CliSession['dwsync'] = async (args, run = {}) => {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (text: string) => (stdout += text), isTTY: false },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
        env: { NO_COLOR: '1', ...run.env },
        cwd: repo.dir,
        ...(run.signal ? { signal: run.signal } : {}),
      };
      const endpoint = run.endpoint === false ? [] : ['--endpoint', emulator.url];
      const code = await main([...args, ...endpoint], io);
      return { code, stdout, stderr };
    };
    return { repo, emulator, tasks, dwsync };
  };
}
