import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { ApplyReport, PlanReport } from '../../src/core/report.js';
import { buildTask } from '../support/build-task.js';
import { emulatorCredentials, runCli } from '../support/run-cli.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempRepo } from '../support/temp-repo.js';
import type { TempRepo } from '../support/temp-repo.js';

type Call = { action: string; parameters: Record<string, string>; status: number };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(count: number, emulatorOptions: Parameters<typeof startEmulator>[0] = {}, seedCount = count) {
  const tasks = Array.from({ length: count }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/t${i}.yaml` }));
  const files = Object.fromEntries(tasks.map((task) => [task.file, taskYaml(task)]));
  const repo = await createTempRepo(files);
  const commit = await repo.commit('tasks');
  const seed = tasks.slice(0, seedCount).map(({ projectId, fileId }) => ({ projectId, fileId }));
  const emulator = await startEmulator({ port: 0, seed, ...emulatorOptions });
  cleanups.push(() => repo.remove(), () => emulator.close());
  return { repo, emulator, tasks, commit };
}

function dwsync(repo: TempRepo, emulator: Emulator, args: string[]) {
  return runCli([...args, '--endpoint', emulator.url], { cwd: repo.dir, env: emulatorCredentials });
}

async function calls(emulator: Emulator): Promise<Call[]> {
  return (await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as Call[];
}

describe('dwsync end to end, over real HTTP against the emulator', () => {
  it('validates, plans, applies, then finds nothing to do; one edit gives exactly one patch', async () => {
    const { repo, emulator, tasks, commit } = await setup(3);

    const validated = await runCli(['validate'], { cwd: repo.dir });
    expect(validated.code, validated.stderr).toBe(0);

    const first = await dwsync(repo, emulator, ['plan', '--json', '--detailed-exitcode']);
    expect(first.code, first.stderr).toBe(2);
    const firstPlan = JSON.parse(first.stdout) as PlanReport;
    expect(firstPlan.summary).toEqual({ update: 3, unchanged: 0, orphaned: 0 });
    expect(firstPlan.changes.every((c) => c.reason === 'new')).toBe(true);
    expect(await calls(emulator)).toEqual([]);

    const applied = await dwsync(repo, emulator, ['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const report = JSON.parse(applied.stdout) as ApplyReport;
    expect(report.summary).toEqual({ applied: 3, failed: 0, unchanged: 0, skipped: 0 });
    expect(report.results.map((r) => r.key)).toEqual(tasks.map((t) => t.key));

    const live = (await (await fetch(`${emulator.url}/__emulator/tasks`)).json()) as Array<{ fileId: number; taskContent: string; taskParam: string }>;
    for (const task of tasks) {
      const held = live.find((t) => t.fileId === task.fileId)!;
      expect(JSON.parse(held.taskContent)).toEqual(task.taskContent);
      expect(held.taskContent).toContain('pt=${bizdate}');
      expect(JSON.parse(held.taskParam)).toEqual(task.taskParam);
    }

    const state = JSON.parse(await readFile(path.join(repo.dir, '.dwsync/state.json'), 'utf8'));
    expect(Object.keys(state.tasks)).toEqual(tasks.map((t) => t.key));
    expect(state.tasks[tasks[0]!.key].applied.commit).toBe(commit);
    expect(JSON.stringify(state)).not.toContain('hunter2');

    const second = await dwsync(repo, emulator, ['plan', '--detailed-exitcode']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Plan: 0 to update, 3 unchanged, 0 orphaned.');

    const edited = buildTask({ fileId: tasks[1]!.fileId, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } });
    await repo.write(tasks[1]!.file, taskYaml(edited));
    const third = JSON.parse((await dwsync(repo, emulator, ['plan', '--json'])).stdout) as PlanReport;
    const updates = third.changes.filter((c) => c.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ key: edited.key, reason: 'changed', taskContentPatch: [], taskParamPatch: [{ op: 'replace', path: '/Cu', value: 4 }] });

    const before = (await calls(emulator)).length;
    const reapplied = await dwsync(repo, emulator, ['apply']);
    expect(reapplied.code, reapplied.stderr).toBe(0);
    expect(reapplied.stdout).toContain('Apply: 1 applied, 0 failed, 2 unchanged, 0 skipped.');
    const after = await calls(emulator);
    expect(after.slice(before).map((c) => [c.action, c.parameters.FileId])).toEqual([['UpdateDISyncTask', String(edited.fileId)]]);
  });

  it('applies everything despite a 30% rate of retryable server errors', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const { repo, emulator } = await setup(12, { failRate: 0.3, random });
    const run = await dwsync(repo, emulator, ['apply', '--json', '--qps', '0']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.summary.applied).toBe(12);
    expect(report.results.some((r) => r.attempts > 1)).toBe(true);
    expect((await calls(emulator)).some((c) => c.status >= 500)).toBe(true);
  });

  it('records an unknown fileId as failed (exit 3) and applies the others', async () => {
    const { repo, emulator, tasks } = await setup(3, {}, 2);
    const run = await dwsync(repo, emulator, ['apply', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.summary).toEqual({ applied: 2, failed: 1, unchanged: 0, skipped: 0 });
    const failed = report.results.find((r) => r.outcome === 'failed')!;
    expect(failed.key).toBe(tasks[2]!.key);
    expect(failed.attempts).toBe(1);
    expect(failed.error?.code).toBeTruthy();
    const state = JSON.parse(await readFile(path.join(repo.dir, '.dwsync/state.json'), 'utf8'));
    expect(state.tasks[tasks[2]!.key]).toMatchObject({ applied: null, lastAttempt: { outcome: 'failed', error: { code: failed.error!.code } } });
    const retry = JSON.parse((await dwsync(repo, emulator, ['plan', '--json'])).stdout) as PlanReport;
    expect(retry.changes.find((c) => c.key === tasks[2]!.key)).toMatchObject({ action: 'update', reason: 'retry' });
  });

  it('refuses invalid task files with located errors, exit 1 and no call', async () => {
    const { repo, emulator } = await setup(2);
    await repo.write('jobs/t0.yaml', taskYaml().replace('Cu: 2', 'Cu: 0.3'));
    for (const command of ['validate', 'plan', 'apply']) {
      const run = await dwsync(repo, emulator, [command]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^jobs\/t0\.yaml:\d+:\d+: error: taskParam\.Cu must be a positive multiple of 0\.5, got 0\.3$/m);
    }
    expect(await calls(emulator)).toEqual([]);
  });
});
