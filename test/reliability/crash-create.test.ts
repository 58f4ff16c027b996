import { afterEach, describe, expect, it } from 'vitest';

import type { ApplyReport } from '../../src/core/plan/report.js';
import { seedFromTasks, startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { buildNamedTask, buildTask } from '../support/build-task.js';
import { waitUntil } from '../support/crash-harness.js';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy.js';
import { emulatorCredentials, runCli, startCli } from '../support/run-cli.js';
import { namedTaskYaml, taskYaml } from '../support/task-yaml.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

// `apply` SIGKILLed right after DataWorks created a task must not create it again on the next run.
// Two windows: the answer is on its way (held back by a proxy, so the service has acted and the client
// has not heard: nothing recorded), and the answer has just been delivered (recorded or not, by a hair).
// Judged from outside: the creates the emulator accepted and the files it holds of that name.

const opened: Array<{ repo: TempRepo; emulator: Emulator; proxy: HoldingProxy }> = [];
afterEach(async () => {
  for (const { repo, emulator, proxy } of opened.splice(0)) {
    await proxy.close();
    await emulator.close();
    await repo.remove();
  }
});

const NAMES = ['ods_a', 'ods_b', 'ods_c'];

async function trial(kill: { afterDeliveredMs: number | null }): Promise<{ creates: number; filesByName: Map<string, number>; second: ApplyReport; killed: boolean }> {
  const anchor = buildTask({ fileId: 1000001, file: 'jobs/anchor.yaml' }); // the workspace and its datasources
  const named = NAMES.map((name) => buildNamedTask({ name, file: `jobs/named/${name}.yaml` }));
  const repo = await createTempRepo({ [anchor.file]: taskYaml(anchor), ...Object.fromEntries(named.map((t) => [t.file, namedTaskYaml(t)])) });
  await repo.commit('tasks');
  const emulator = await startEmulator({ port: 0, seed: seedFromTasks([anchor]) });
  // Held answers: long enough that the kill always comes first when the test kills while holding.
  const proxy = await startHoldingProxy(emulator.url, { action: 'CreateDISyncTask', holdMs: kill.afterDeliveredMs === null ? 30_000 : 0 });
  opened.push({ repo, emulator, proxy });

  const run = startCli(['apply', '--json', '--concurrency', '1', '--endpoint', proxy.url], { cwd: repo.dir, env: emulatorCredentials });
  const accepted = () => emulator.state.calls.filter((c) => c.action === 'CreateDISyncTask' && c.status === 200).length;
  const ready = kill.afterDeliveredMs === null ? () => proxy.held >= 1 : () => proxy.delivered >= 1;
  const hit = await waitUntil(ready, run.done);
  if (hit && kill.afterDeliveredMs) await new Promise((resolve) => setTimeout(resolve, kill.afterDeliveredMs!));
  const killed = hit && run.child.kill('SIGKILL');
  await run.done;
  expect(accepted()).toBeGreaterThanOrEqual(1);

  const again = await runCli(['apply', '--json', '--endpoint', emulator.url], { cwd: repo.dir, env: emulatorCredentials, timeoutMs: 120_000 });
  expect(again.code, again.stderr).toBe(0);
  const filesByName = new Map<string, number>();
  for (const task of emulator.state.tasks.values()) filesByName.set(task.fileName, (filesByName.get(task.fileName) ?? 0) + 1);
  return { creates: accepted(), filesByName, second: JSON.parse(again.stdout) as ApplyReport, killed };
}

describe('a kill right after a create does not create twice', () => {
  it('while the answer is on its way: the next run adopts the created file instead of creating it', async () => {
    for (let i = 0; i < 3; i++) {
      const { creates, filesByName, second, killed } = await trial({ afterDeliveredMs: null });
      expect(killed).toBe(true);
      // One create reached the service before the kill; the next run created the other two, once each.
      expect(creates).toBe(NAMES.length);
      for (const name of NAMES) expect(filesByName.get(name), name).toBe(1);
      expect(second.results.find((r) => r.key.endsWith('/ods_a'))).toMatchObject({ outcome: 'applied', reason: 'adopted' });
      await (afterEachClean());
    }
  }, 120_000);

  it('right after the answer arrived: recorded or not, every name ends up with one file', async () => {
    for (const ms of [0, 1, 3, 10]) {
      const { creates, filesByName } = await trial({ afterDeliveredMs: ms });
      expect(creates).toBe(NAMES.length);
      for (const name of NAMES) expect(filesByName.get(name), `${name} after ${ms} ms`).toBe(1);
      await afterEachClean();
    }
  }, 120_000);
});

async function afterEachClean(): Promise<void> {
  for (const { repo, emulator, proxy } of opened.splice(0)) {
    await proxy.close();
    await emulator.close();
    await repo.remove();
  }
}
