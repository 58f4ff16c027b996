import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { ApplyReport, PlanReport } from '../../src/core/report.js';
import { FAIL_DEPLOY_MARKER } from '../../src/emulator/start-emulator.js';
import { setupE2e } from '../support/e2e-setup.js';
import type { E2e } from '../support/e2e-setup.js';
import { readStateFile } from '../support/read-state-file.js';

const opened: E2e[] = [];
afterEach(async () => {
  for (const env of opened.splice(0)) await env.cleanup();
});
async function setup(...args: Parameters<typeof setupE2e>): Promise<E2e> {
  const env = await setupE2e(...args);
  opened.push(env);
  return env;
}
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
    expect(human.stdout).toContain('~ /setting/speed/concurrent: 2 → 9');
    // Without --refresh, nothing is read and nothing is known.
    expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);

    const kept = await env.dwsync(['apply', '--refresh', '--json']);
    expect(kept.code, kept.stderr).toBe(3);
    expect(json<ApplyReport>(kept.stdout).results.find((r) => r.key === edited!.key)).toMatchObject({ outcome: 'skipped', reason: 'drift' });
    const held = env.emulator.state.tasks.get(edited!.key)!;
    expect(JSON.parse(held.taskContent)).toEqual(consoleEdit);

    const forced = await env.dwsync(['apply', '--refresh', '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(json<ApplyReport>(forced.stdout).summary).toEqual({ applied: 1, failed: 0, unchanged: 2, skipped: 0 });
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

  it('records a failed deployment as a failed outcome, lists it, and finishes it on the next apply', async () => {
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

    // Fixed in git: the next apply updates and deploys it.
    await env.repo.write(failing.file, (await readFile(path.join(env.repo.dir, failing.file), 'utf8')).replace(`\n        note: ${FAIL_DEPLOY_MARKER}`, ''));
    const again = await env.dwsync(['apply', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((await env.dwsync(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('quota and throttling', () => {
  it('stops at a quota error: no call after it, the rest skipped with the reason', async () => {
    const env = await setup(12, { emulator: { quotaAfter: 5 } });
    const run = await env.dwsync(['apply', '--json', '--concurrency', '1']);
    expect(run.code, run.stderr).toBe(3);
    const report = json<ApplyReport>(run.stdout);
    expect(report.summary).toEqual({ applied: 5, failed: 1, unchanged: 0, skipped: 6 });
    expect(report.results.filter((r) => r.outcome === 'skipped').every((r) => r.reason === 'Throttling.Api.Risk')).toBe(true);
    const calls = await env.calls();
    expect(calls).toHaveLength(6);
    expect(calls.at(-1)).toMatchObject({ code: 'Throttling.Api.Risk' });
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
