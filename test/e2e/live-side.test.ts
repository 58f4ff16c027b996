import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import { FAIL_DEPLOY_MARKER } from '../../src/emulator/start-emulator.js';
import { useE2e } from '../support/e2e-setup.js';
import { emulatorCredentials, runCli } from '../support/run-cli.js';
import { readStateFile } from '../support/read-state-file.js';

const setup = useE2e();
const json = <T>(text: string) => JSON.parse(text) as T;

describe('drift: edits made in the console, outside git', () => {
  it('plan --refresh marks exactly the edited task; apply --refresh keeps the edit (exit 3); --force overwrites it', async () => {
    const env = await setup(3);
    expect((await env.dwsync(['apply'])).code).toBe(0);
    const [, edited] = env.tasks;
    const consoleEdit = { ...edited!.taskContent, setting: { errorLimit: { record: '' }, speed: { concurrent: 9, throttle: false } } };
    env.emulator.editTask(edited!, { taskContent: JSON.stringify(consoleEdit) });

    const refreshed = await env.dwsync(['plan', '--refresh', '--json', '--detailed-exitcode']);
    expect(refreshed.code, refreshed.stderr).toBe(2);
    const plan = json<PlanReport>(refreshed.stdout);
    expect(plan.changes.filter((c) => c.drift).map((c) => c.key)).toEqual([edited!.key]);
    expect(plan.changes.find((c) => c.drift)).toMatchObject({
      action: 'unchanged',
      liveContentPatch: [{ op: 'replace', path: '/setting/speed/concurrent', value: 9 }],
    });
    const human = await env.dwsync(['plan', '--refresh']);
    expect(human.stdout).toContain('drift: changed in DataWorks outside git');
    expect(human.stdout).toContain('! live.taskContent.setting.speed.concurrent: 2 → 9');
    // Without --refresh, nothing is read and nothing is known.
    expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);

    const kept = await env.dwsync(['apply', '--refresh', '--json']);
    expect(kept.code, kept.stderr).toBe(3);
    expect(json<ApplyReport>(kept.stdout).results.find((r) => r.key === edited!.key)).toMatchObject({ outcome: 'skipped', reason: 'drift' });
    const held = env.emulator.state.tasks.get(edited!.key)!;
    expect(JSON.parse(held.taskContent)).toEqual(consoleEdit);

    const forced = await env.dwsync(['apply', '--refresh', '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(json<ApplyReport>(forced.stdout).summary).toEqual({ created: 0, applied: 1, failed: 0, unchanged: 2, skipped: 0, deleted: 0 });
    expect(JSON.parse(env.emulator.state.tasks.get(edited!.key)!.taskContent)).toEqual(edited!.taskContent);
    expect((await env.dwsync(['plan', '--refresh', '--detailed-exitcode'])).code).toBe(0);
  });

  it('reports a task that no longer exists in DataWorks', async () => {
    const env = await setup(2);
    expect((await env.dwsync(['apply'])).code).toBe(0);
    env.emulator.state.tasks.delete(env.tasks[0]!.key);
    const plan = json<PlanReport>((await env.dwsync(['plan', '--refresh', '--json'])).stdout);
    expect(plan.changes[0]).toMatchObject({ key: env.tasks[0]!.key, live: 'missing' });
    const applied = await env.dwsync(['apply', '--refresh', '--json']);
    expect(applied.code).toBe(3);
    expect(json<ApplyReport>(applied.stdout).results[0]).toMatchObject({ outcome: 'skipped', reason: 'missing' });
  });
});

describe('deploy', () => {
  for (const mode of ['standard', 'basic'] as const) {
    it(`submits${mode === 'standard' ? ' and deploys' : ''} each update in a ${mode}-mode workspace, recording every stage`, async () => {
      const env = await setup(2, { emulator: { projectMode: mode }, files: { 'dwsync.yaml': 'deploy: true\n' } });
      const run = await env.dwsync(['apply', '--json']);
      expect(run.code, run.stderr).toBe(0);
      const actions = (await env.calls()).map((c) => c.action);
      expect(actions.filter((a) => a === 'SubmitFile')).toHaveLength(2);
      expect(actions.filter((a) => a === 'DeployFile')).toHaveLength(mode === 'standard' ? 2 : 0);
      expect(actions.filter((a) => a === 'GetProject')).toHaveLength(1);
      expect(actions.filter((a) => a === 'GetDeployment').length).toBeGreaterThanOrEqual(2);
      const state = (await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'))) as ReturnType<typeof JSON.parse>; // loosely typed, as the raw file
      const deploy = state.tasks[env.tasks[0]!.key].deploy;
      expect(deploy).toMatchObject({ stage: 'deployed', submitDeploymentId: expect.any(Number) });
      if (mode === 'standard') expect(deploy.deployDeploymentId).toEqual(expect.any(Number));
      expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);
    });
  }

  it('waits for the pre-publish check; a failed check (CheckingStatus 7) fails the task with the service message', async () => {
    const env = await setup(2, { files: { 'dwsync.yaml': 'deploy: true\n' } });
    env.emulator.failNext({ kind: 'check-failure', message: 'the output table has no owner' }, { action: 'SubmitFile' });
    const run = await env.dwsync(['apply', '--json', '--concurrency', '1']);
    expect(run.code, run.stderr).toBe(3);
    const [first, second] = json<ApplyReport>(run.stdout).results;
    expect(first).toMatchObject({ outcome: 'failed', error: { code: 'SubmitFile.Failed', message: expect.stringContaining('the output table has no owner') } });
    expect(second).toMatchObject({ outcome: 'applied' });
    // The check ran: a poll answered Status 1 with CheckingStatus 8 before the task counted as submitted.
    const polls = env.emulator.state.calls.filter((c) => c.action === 'GetDeployment').map((c) => (c.answer as { Data: { Deployment: { CheckingStatus?: number } } }).Data.Deployment.CheckingStatus);
    expect(polls).toContain(8);
    expect(polls).toContain(7);
  });

  it('lists tasks whose last update was never deployed, and apply deploys them without updating them again', async () => {
    const env = await setup(2);
    expect((await env.dwsync(['apply'])).code).toBe(0); // deploy is off: updated, not deployed
    await env.repo.write('dwsync.yaml', 'deploy: true\n');
    const listed = await env.dwsync(['plan', '--json', '--detailed-exitcode']);
    expect(listed.code, listed.stderr).toBe(2);
    expect(json<PlanReport>(listed.stdout).changes).toEqual(
      env.tasks.map((task) => expect.objectContaining({ key: task.key, action: 'unchanged', undeployed: true })),
    );
    const text = await env.dwsync(['plan']);
    for (const task of env.tasks) expect(text.stdout).toContain(`${task.key}  ${task.file}  (unchanged, not deployed)`);

    const mark = (await env.calls()).length;
    const run = await env.dwsync(['apply', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const actions = (await env.calls()).slice(mark).map((c) => c.action);
    expect(actions.filter((a) => a === 'UpdateDISyncTask')).toEqual([]);
    expect(actions.filter((a) => a === 'SubmitFile')).toHaveLength(2);
    expect(actions.filter((a) => a === 'DeployFile')).toHaveLength(2);
    expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('records a failed deployment as a failed outcome, plans it again, and finishes it on the next apply', async () => {
    const env = await setup(2, {
      files: { 'dwsync.yaml': 'deploy: true\n' },
      task: (i) => (i === 0 ? { description: 'fails to deploy' } : {}),
    });
    const failing = env.tasks[0]!;
    const content = structuredClone(failing.taskContent) as { steps: Array<{ parameter: Record<string, unknown> }> };
    content.steps[0]!.parameter.note = FAIL_DEPLOY_MARKER;
    await env.repo.write(failing.file, (await readFile(path.join(env.repo.dir, failing.file), 'utf8')).replace('datasource: mysql_pub', `datasource: mysql_pub\n        note: ${FAIL_DEPLOY_MARKER}`));
    const run = await env.dwsync(['apply', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const result = json<ApplyReport>(run.stdout).results.find((r) => r.key === failing.key)!;
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'SubmitFile.Failed' } });
    const state = (await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'))) as ReturnType<typeof JSON.parse>; // loosely typed, as the raw file
    expect(state.tasks[failing.key]).toMatchObject({ applied: { requestId: expect.any(String) }, deploy: { stage: 'failed' } });
    const planned = await env.dwsync(['plan', '--json', '--detailed-exitcode']);
    expect(planned.code).toBe(2);
    expect(json<PlanReport>(planned.stdout).changes.find((c) => c.key === failing.key)).toMatchObject({ action: 'update', reason: 'retry' });

    // Fixed in git: the next apply updates and deploys it.
    await env.repo.write(failing.file, (await readFile(path.join(env.repo.dir, failing.file), 'utf8')).replace(`\n        note: ${FAIL_DEPLOY_MARKER}`, ''));
    const again = await env.dwsync(['apply', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('errors in words', () => {
  it('an invalid resource group fails the task with the service message, its code said once', async () => {
    const env = await setup(1, { emulator: { resourceGroups: ['S_some_other_group'] } });
    const run = await env.dwsync(['apply']);
    expect(run.code, run.stderr).toBe(3);
    const line = run.stdout.split('\n').find((l) => l.includes('failed'))!;
    expect(line).toContain(`Invalid.DI.Parameter: ResourceGroup:[${String(env.tasks[0]!.taskParam.ResourceGroup)}] is invalid.`);
    expect(line.split('Invalid.DI.Parameter')).toHaveLength(2);
  });

  it('a closed port is said in words with its URL', async () => {
    const env = await setup(1);
    const run = await runCli(['plan', '--refresh', '--endpoint', 'http://127.0.0.1:1'], { cwd: env.repo.dir, env: emulatorCredentials, timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dwsync: cannot connect to http://127.0.0.1:1: connection refused');
    expect(run.stderr).not.toMatch(/answered|POST http/);
  });
});

describe('quota and throttling', () => {
  it('retries every Throttling* code, also in a 200 with Success: false; no code stops the run as a quota', async () => {
    const env = await setup(4);
    env.emulator.failNext({ kind: 'http', status: 400, code: 'Throttling.Api.Risk' }, { action: 'UpdateDISyncTask' });
    env.emulator.failNext({ kind: 'success-false', code: 'Throttling.System' }, { action: 'UpdateDISyncTask' });
    env.emulator.failNext({ kind: 'http', status: 500, code: 'InternalError.System' }, { action: 'UpdateDISyncTask' });
    const run = await env.dwsync(['apply', '--json', '--concurrency', '1']);
    expect(run.code, run.stderr).toBe(0);
    const report = json<ApplyReport>(run.stdout);
    expect(report.summary).toMatchObject({ applied: 4, failed: 0, skipped: 0 });
    expect(report.results[0]).toMatchObject({ attempts: 4 });
    const codes = (await env.calls()).map((c) => c.code ?? 'ok');
    expect(codes).toEqual(['Throttling.Api.Risk', 'Throttling.System', 'InternalError.System', 'ok', 'ok', 'ok', 'ok']);
  });

  it('at the default 5 QPS, an emulator allowing 10 never throttles', async () => {
    const env = await setup(15, { emulator: { qps: 10 } });
    const run = await env.dwsync(['apply', '--json', '--concurrency', '8']);
    expect(run.code, run.stderr).toBe(0);
    expect((await env.calls()).filter((c) => c.code === 'Throttling.User')).toEqual([]);
  });

  it('with no ceiling, adapts to an emulator limited to 10 QPS: 300 tasks, a bounded number of throttled calls', async () => {
    const env = await setup(300, { emulator: { qps: 10 } });
    const started = Date.now();
    const run = await env.dwsync(['apply', '--json', '--qps', '0', '--concurrency', '8']);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code, run.stderr).toBe(0);
    expect(json<ApplyReport>(run.stdout).summary.applied).toBe(300);
    const calls = await env.calls();
    const throttled = calls.filter((c) => c.code === 'Throttling.User').length;
    console.log(`adaptive rate: 300 tasks, ${throttled} throttled of ${calls.length} calls, ${(300 / seconds).toFixed(1)} tasks/s against a 10 QPS limit`);
    expect(throttled).toBeLessThan(60);
  }, 180_000);
});
