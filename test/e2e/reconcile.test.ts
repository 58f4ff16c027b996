import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EmulatorOptions } from '../../src/emulator/start-emulator.js';
import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import { buildTask } from '../support/build-task.js';
import { useE2e } from '../support/e2e-setup.js';
import type { E2e } from '../support/e2e-setup.js';
import { runCli } from '../support/run-cli.js';
import { taskYaml } from '../support/task-yaml.js';
import { readStateFile } from '../support/read-state-file.js';

const setupEnv = useE2e();
const setup = (count: number, emulator: EmulatorOptions = {}, seedCount = count) => setupEnv(count, { emulator, seedCount });

const dwsync = (env: E2e, args: string[]) => env.dwsync(args);
const calls = (env: E2e) => env.calls();

describe('dwsync end to end, over real HTTP against the emulator', () => {
  it('validates, plans, applies, then finds nothing to do; one edit gives exactly one patch', async () => {
    const env = await setup(3);
    const { repo, emulator, tasks, commit } = env;

    const validated = await runCli(['validate'], { cwd: repo.dir });
    expect(validated.code, validated.stderr).toBe(0);

    const first = await dwsync(env, ['plan', '--json', '--detailed-exitcode']);
    expect(first.code, first.stderr).toBe(2);
    const firstPlan = JSON.parse(first.stdout) as PlanReport;
    expect(firstPlan.summary).toEqual({ create: 0, update: 3, unchanged: 0, orphaned: 0 });
    expect(firstPlan.changes.every((c) => c.reason === 'new')).toBe(true);
    expect(await calls(env)).toEqual([]);

    const applied = await dwsync(env, ['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const report = JSON.parse(applied.stdout) as ApplyReport;
    expect(report.summary).toEqual({ created: 0, applied: 3, failed: 0, unchanged: 0, skipped: 0, deleted: 0 });
    expect(report.results.map((r) => r.key)).toEqual(tasks.map((t) => t.key));

    const live = (await (await fetch(`${emulator.url}/__emulator/tasks`)).json()) as Array<{ fileId: number; taskContent: string; taskParam: string }>;
    for (const task of tasks) {
      const held = live.find((t) => t.fileId === task.fileId)!;
      expect(JSON.parse(held.taskContent)).toEqual(task.taskContent);
      expect(held.taskContent).toContain('pt=${bizdate}');
      expect(JSON.parse(held.taskParam)).toEqual(task.taskParam);
    }

    const state = (await readStateFile(path.join(repo.dir, '.dwsync/state.json'))) as ReturnType<typeof JSON.parse>; // loosely typed, as the raw file
    expect(Object.keys(state.tasks)).toEqual(tasks.map((t) => t.key));
    expect(state.tasks[tasks[0]!.key].applied.commit).toBe(commit);
    expect(JSON.stringify(state)).not.toContain('hunter2');

    const second = await dwsync(env, ['plan', '--detailed-exitcode']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Plan: 0 to update, 3 unchanged, 0 orphaned.');

    const edited = buildTask({ fileId: tasks[1]!.fileId, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } });
    await repo.write(tasks[1]!.file, taskYaml(edited));
    const third = JSON.parse((await dwsync(env, ['plan', '--json'])).stdout) as PlanReport;
    const updates = third.changes.filter((c) => c.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ key: edited.key, reason: 'changed', taskContentPatch: [], taskParamPatch: [{ op: 'replace', path: '/Cu', value: 4 }] });

    const before = (await calls(env)).length;
    const reapplied = await dwsync(env, ['apply']);
    expect(reapplied.code, reapplied.stderr).toBe(0);
    expect(reapplied.stdout).toContain('Apply: 1 applied, 0 failed, 2 unchanged, 0 skipped.');
    const after = await calls(env);
    expect(after.slice(before).map((c) => [c.action, c.parameters.FileId])).toEqual([['UpdateDISyncTask', String(edited.fileId)]]);
    // The edit was never committed: HEAD does not hold what was pushed, and the state says so.
    expect(reapplied.stderr).toContain(`warning: 1 task file(s) differ from commit ${commit.slice(0, 12)} (${tasks[1]!.file})`);
    const stateText = await readFile(path.join(repo.dir, '.dwsync/state.json'), 'utf8');
    expect(stateText).toContain(`"${commit}-dirty"`);
  });

  it('applies everything despite a 30% rate of retryable server errors', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const env = await setup(12, { failRate: 0.3, random });
    const run = await dwsync(env, ['apply', '--json', '--qps', '0']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.summary.applied).toBe(12);
    expect(report.results.some((r) => r.attempts > 1)).toBe(true);
    expect((await calls(env)).some((c) => (c.status ?? 0) >= 500)).toBe(true);
  });

  it('records an unknown fileId as failed (exit 3) and applies the others', async () => {
    const env = await setup(3, {}, 2);
    const { repo, tasks } = env;
    const run = await dwsync(env, ['apply', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.summary).toEqual({ created: 0, applied: 2, failed: 1, unchanged: 0, skipped: 0, deleted: 0 });
    const failed = report.results.find((r) => r.outcome === 'failed')!;
    expect(failed.key).toBe(tasks[2]!.key);
    expect(failed.attempts).toBe(1);
    expect(failed.error?.code).toBeTruthy();
    const state = (await readStateFile(path.join(repo.dir, '.dwsync/state.json'))) as ReturnType<typeof JSON.parse>; // loosely typed, as the raw file
    expect(state.tasks[tasks[2]!.key]).toMatchObject({ applied: null, lastAttempt: { outcome: 'failed', error: { code: failed.error!.code } } });
    const retry = JSON.parse((await dwsync(env, ['plan', '--json'])).stdout) as PlanReport;
    expect(retry.changes.find((c) => c.key === tasks[2]!.key)).toMatchObject({ action: 'update', reason: 'retry' });
  });

  it('refuses invalid task files with located errors, exit 1 and no call', async () => {
    const env = await setup(2);
    const { repo } = env;
    await repo.write('jobs/t0.yaml', taskYaml().replace('Cu: 2', 'Cu: 0.3'));
    for (const command of ['validate', 'plan', 'apply']) {
      const run = await dwsync(env, [command]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^jobs\/t0\.yaml:\d+:\d+: error: taskParam\.Cu must be a positive multiple of 0\.5, got 0\.3$/m);
    }
    expect(await calls(env)).toEqual([]);
  });

  it('stops before any call when there are no credentials: exit 1, a clear message; plan needs none', async () => {
    const env = await setup(2);
    const plan = await runCli(['plan', '--endpoint', env.emulator.url], { cwd: env.repo.dir });
    expect(plan.code, plan.stderr).toBe(0);
    for (const args of [['apply'], ['plan', '--refresh']]) {
      const run = await runCli([...args, '--endpoint', env.emulator.url], { cwd: env.repo.dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('dwsync: no Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID');
    }
    expect(await calls(env)).toEqual([]);
  });

  it('prints a whole large --json document into a slow pipe before exiting', async () => {
    const env = await setup(150);
    // The reader starts late, so the pipe's 64 KiB buffer fills and the rest must wait for it.
    const bin = path.resolve(import.meta.dirname, '../../bin/dwsync.js');
    const run = await runCli(['-c', `node ${JSON.stringify(bin)} plan --json --endpoint ${env.emulator.url} | (sleep 1; wc -c)`], {
      cwd: env.repo.dir,
      command: '/bin/sh',
    });
    expect(run.code, run.stderr).toBe(0);
    const direct = await env.dwsync(['plan', '--json']);
    expect((JSON.parse(direct.stdout) as PlanReport).changes).toHaveLength(150);
    expect(direct.stdout.length).toBeGreaterThan(128 * 1024);
    expect(Number(run.stdout.trim())).toBe(Buffer.byteLength(direct.stdout));
  });
});
