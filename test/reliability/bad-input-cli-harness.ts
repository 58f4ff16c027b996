import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { main } from '../../src/cli.js';
import type { CommandDeps } from '../../src/commands/command-options.js';
import { apply } from '../../src/commands/apply.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { systemClock } from '../../src/system-clock.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { withTempDir } from '../support/temp-dir.js';

// Shared by the CLI-level reliability tests: run main() in-process with captured streams, and make
// a repository whose state file comes from a real first apply against the emulator.

export type MainRun = { code: number; stdout: string; stderr: string };

export async function runMain(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
  });
  return { code, stdout, stderr };
}

export const SEED_TASK = buildTask({ fileId: 1000001, file: 'jobs/t.yaml' });

export function quietDeps(emulator: Emulator, overrides: Partial<CommandDeps> = {}): CommandDeps {
  return {
    clock: systemClock,
    logger: { info: () => {}, warn: () => {}, debug: () => {} },
    env: {},
    createDataWorks: (endpoint) =>
      createDataWorks({ ...endpoint, endpoint: emulator.url, credential: createAccessKeyCredential('emulator', 'emulator') }),
    ...overrides,
  };
}

// The bytes of a state file written by a successful apply of SEED_TASK (not a hand-made one).
export async function appliedStateBytes(emulator: Emulator): Promise<Buffer> {
  return withTempDir(async (dir) => {
    await mkdir(path.join(dir, 'jobs'));
    await writeFile(path.join(dir, SEED_TASK.file), taskYaml(SEED_TASK));
    const report = await apply({ root: dir, endpoint: emulator.url, qps: 0 }, quietDeps(emulator));
    if (report.summary.applied !== 1) throw new Error(`seeding apply did not apply: ${JSON.stringify(report)}`);
    return await readFile(path.join(dir, '.dwsync', 'state.json'));
  }, 'dwsync-seed-');
}

// A copy of a fixture folder into the empty folder dir, with the pre-seeded state at .dwsync/state.json.
export async function copyWithState(fixture: string, state: Buffer, dir: string): Promise<string> {
  await cp(fixture, dir, { recursive: true });
  await mkdir(path.join(dir, '.dwsync'), { recursive: true });
  await writeFile(path.join(dir, '.dwsync', 'state.json'), state);
  return dir;
}

export async function listStateFolder(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, '.dwsync'))).sort();
}
