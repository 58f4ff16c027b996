import type { CommandDeps } from '../../src/commands/command-options.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { seedFromTasks, startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { Logger } from '../../src/ports.js';
import { systemClock } from '../../src/system-clock.js';
import { buildTask, type FileIdTask } from './build-task.js';
import { taskYaml } from './task-yaml.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';

export type CommandFixture = {
  repo: TempRepo;
  emulator: Emulator;
  tasks: FileIdTask[];
  deps: CommandDeps;
  warnings: string[];
  cleanup(): Promise<void>;
};

// For in-process command tests: a committed repository with `count` task files, an emulator seeded with
// them, and the dependencies a command takes (the real client over HTTP, warnings collected).
export async function setupCommand(count: number): Promise<CommandFixture> {
  const tasks = Array.from({ length: count }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/t${i}.yaml` }));
  const repo = await createTempRepo(Object.fromEntries(tasks.map((task) => [task.file, taskYaml(task)])));
  await repo.commit('tasks');
  const emulator = await startEmulator({ port: 0, seed: seedFromTasks(tasks) });
  const warnings: string[] = [];
  const logger: Logger = { info() {}, debug() {}, warn: (message) => void warnings.push(message) };
  const deps: CommandDeps = {
    clock: systemClock,
    logger,
    env: {},
    random: () => 0,
    createDataWorks: ({ region }) =>
      createDataWorks({ endpoint: emulator.url, region, credential: createAccessKeyCredential('emulator', 'emulator'), timeouts: { connectMs: 5000, readMs: 10_000 } }),
  };
  return { repo, emulator, tasks, deps, warnings, cleanup: async () => (await emulator.close(), await repo.remove()) };
}
