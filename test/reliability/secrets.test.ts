import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { canonicalJson } from '../../src/core/text/canonical-json.js';
import type { JsonObject } from '../../src/core/text/json.js';
import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { State } from '../../src/core/state/state-schema.js';
import { useBundledAction } from '../action/use-bundled-action.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import { runCli } from '../support/run-cli.js';
import type { CliRun } from '../support/run-cli.js';
import { taskYaml } from '../support/task-yaml.js';
import { readStateFile } from '../support/read-state-file.js';
import { useTempDir } from '../support/temp-dir.js';

// Run every command with a distinctive access key secret, STS token and password,
// then search everything dwsync wrote (stdout, stderr with debug logs, state, journal, lock, the
// Action's summary, outputs, plan file and comment bodies) for them. None may appear.

const AK_SECRET = 'SeCrEtAk-7f3e9c1d5b2a4e60';
const STS_TOKEN = 'StSt0k3n-c0ffee5eed1234abcd';
const PASSWORD = 'Pa55w0rd-91b7e3d0aa';
const PASSWORD_2 = 'Pa55w0rd-2nd-5c8f0e17';
const SECRETS = [AK_SECRET, STS_TOKEN, PASSWORD, PASSWORD_2];
const HASH_PREFIX = 'sensitive:hmac-sha256:';

const env = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK_SECRET,
  ALIBABA_CLOUD_SECURITY_TOKEN: STS_TOKEN,
  DWSYNC_DEBUG: '1', // debug logs are written too, so they are searched too
};

// What a confused gateway or SDK might echo back: the request's secrets, in the usual notations.
const ECHO = `AccessKeySecret=${AK_SECRET}&SecurityToken=${STS_TOKEN} x-acs-security-token: ${STS_TOKEN} {"password":"${PASSWORD}"} server string to sign is:POST&%2F&AccessKeyId%3Demulator%26SecurityToken%3D${STS_TOKEN}%26Timestamp`;

function taskWith(fileId: number, password: string) {
  const task = buildTask({ fileId, file: `jobs/t${fileId}.yaml` });
  const steps = (task.taskContent as { steps: JsonObject[] }).steps;
  (steps[0]!.parameter as JsonObject).password = password;
  return task;
}

type Written = { where: string; text: string };
const written: Written[] = [];
const keep = (where: string, run: { stdout: string; stderr: string }) => written.push({ where: `${where} stdout`, text: run.stdout }, { where: `${where} stderr`, text: run.stderr });

function leaks(): string[] {
  return written.flatMap(({ where, text }) => SECRETS.filter((s) => text.includes(s)).map((s) => `${where} contains ${s}`));
}

async function readTree(dir: string, where: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await readTree(full, `${where}/${entry.name}`);
    else written.push({ where: `${where}/${entry.name}`, text: await readFile(full, 'latin1') });
  }
}

let emulator: Emulator;
const action = useBundledAction();
const tempDir = useTempDir('dwsync-secrets-');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, credentials: { emulator: AK_SECRET }, seed: [1000001, 1000002].map((fileId) => ({ projectId: 10000, fileId })) });
});
afterAll(async () => {
  await emulator.close();
});

async function repoWith(tasks: ReturnType<typeof taskWith>[]): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'jobs'));
  for (const task of tasks) await writeFile(path.join(dir, task.file), taskYaml(task));
  return dir;
}

function dwsync(dir: string, args: string[]): Promise<CliRun> {
  return runCli([...args, '--endpoint', emulator.url, '--qps', '0', '--concurrency', '1'], { cwd: dir, env });
}

async function readState(dir: string): Promise<State> {
  return readStateFile(path.join(dir, '.dwsync/state.json'));
}

function expectedHash(password: string, salt: string): string {
  return HASH_PREFIX + createHmac('sha256', salt).update(canonicalJson(password)).digest('hex');
}

// Spawns apply and SIGKILLs it once the first outcome is in the journal, while the second call hangs.
async function killMidRun(dir: string): Promise<CliRun> {
  emulator.failNext({ kind: 'hang', ms: 0 }, { action: 'UpdateDISyncTask' });
  emulator.failNext({ kind: 'hang', ms: 120_000 }, { action: 'UpdateDISyncTask' });
  const bin = path.resolve(import.meta.dirname, '../../bin/dwsync.js');
  const child = spawn(process.execPath, [bin, 'apply', '--endpoint', emulator.url, '--qps', '0', '--concurrency', '1'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => (run.stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (run.stderr += c.toString()));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const journal = path.join(dir, '.dwsync/state.json.journal');
  try {
    for (let i = 0; i < 600; i++) {
      if (existsSync(journal) && (await readFile(journal, 'utf8')).includes('"key":"10000/1000001"')) break;
      if (child.exitCode !== null) throw new Error(`apply ended before it could be killed: ${run.stderr}`);
      await delay(50);
    }
  } finally {
    child.kill('SIGKILL');
    await closed;
    // The hang may not have been taken yet (killed first): it must not hold up the next run.
    expect((await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' })).ok).toBe(true);
  }
  expect(existsSync(journal)).toBe(true);
  return { code: null, signal: 'SIGKILL', ...run };
}

// A repository whose tasks were applied with PASSWORD, then given PASSWORD_2, then applied by a run
// killed mid-way: its journal and lock are left behind. Returns what the killed run printed.
async function repoWithKilledRun(): Promise<{ dir: string; killed: CliRun }> {
  const dir = await repoWith([taskWith(1000001, PASSWORD), taskWith(1000002, PASSWORD)]);
  const applied = await dwsync(dir, ['apply']);
  expect(applied.code, applied.stderr).toBe(0);
  for (const task of [taskWith(1000001, PASSWORD_2), taskWith(1000002, PASSWORD_2)]) await writeFile(path.join(dir, task.file), taskYaml(task));
  return { dir, killed: await killMidRun(dir) };
}

describe('no secret reaches anything dwsync writes', () => {
  beforeEach(() => void written.splice(0));

  test('validate: its output', async () => {
    const dir = await repoWith([taskWith(1000001, PASSWORD), taskWith(1000002, PASSWORD)]);
    const validated = await dwsync(dir, ['validate']);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toBe('2 task(s) in 2 file(s): all valid.\n');
    keep('validate', validated);
    expect(leaks()).toEqual([]);
  });

  test('plan: its output as text and as JSON', async () => {
    const dir = await repoWith([taskWith(1000001, PASSWORD), taskWith(1000002, PASSWORD)]);
    const planText = await dwsync(dir, ['plan']);
    expect(planText.code, planText.stderr).toBe(0);
    keep('plan', planText);
    const planJson = await dwsync(dir, ['plan', '--json']);
    expect(planJson.stdout).toContain('"(sensitive)"');
    expect((JSON.parse(planJson.stdout) as PlanReport).summary.update).toBe(2);
    keep('plan --json', planJson);
    expect(leaks()).toEqual([]);
  });

  test('apply: its output and state when the service echoes the secrets back, and when it works', { timeout: 120_000 }, async () => {
    const dir = await repoWith([taskWith(1000001, PASSWORD), taskWith(1000002, PASSWORD)]);
    // A failing apply whose errors echo the request's secrets: retried 503s, then a Success: false.
    emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable', message: ECHO }, { action: 'UpdateDISyncTask', times: 2 });
    emulator.failNext({ kind: 'success-false', code: 'SignatureDoesNotMatch', message: ECHO }, { action: 'UpdateDISyncTask' });
    const failing = await dwsync(dir, ['apply', '--json']);
    expect(failing.code, failing.stderr).toBe(3);
    const failed = JSON.parse(failing.stdout) as ApplyReport;
    expect(failed.summary).toMatchObject({ applied: 1, failed: 1 });
    expect(failed.results[0]).toMatchObject({ outcome: 'failed', attempts: 3, error: { code: 'SignatureDoesNotMatch' } });
    expect(failed.results[0]?.error?.message).toContain('***');
    keep('failing apply', failing);
    await readTree(path.join(dir, '.dwsync'), 'after failing apply');
    // What the failed apply recorded, as the next plan reports it.
    keep('plan after failure', await dwsync(dir, ['plan']));

    const working = await dwsync(dir, ['apply']);
    expect(working.code, working.stderr).toBe(0);
    keep('apply', working);
    // The secrets were really in play: the emulator accepted only AK_SECRET and got the password.
    expect(emulator.state.tasks.get('10000/1000001')?.taskContent).toContain(PASSWORD);
    await readTree(path.join(dir, '.dwsync'), 'after apply');

    expect(written.map((w) => w.where)).toEqual(expect.arrayContaining(['after failing apply/state.json', 'after apply/state.json']));
    expect(leaks()).toEqual([]);
  });

  test('a killed apply: its output, the journal and lock it leaves, and the run that folds them', { timeout: 180_000 }, async () => {
    const { dir, killed } = await repoWithKilledRun();
    keep('killed apply', killed);
    await readTree(path.join(dir, '.dwsync'), 'after kill');
    expect(written.map((w) => w.where)).toEqual(expect.arrayContaining(['after kill/state.json.journal', 'after kill/state.json.lock']));

    const after = await dwsync(dir, ['apply']);
    expect(after.code, after.stderr).toBe(0);
    keep('apply after kill', after);
    await readTree(path.join(dir, '.dwsync'), 'final');
    // The new passwords were really in play: the emulator holds PASSWORD_2 now.
    expect(emulator.state.tasks.get('10000/1000002')?.taskContent).toContain(PASSWORD_2);

    expect(leaks()).toEqual([]);
  });

  test("the Action's plan: summary, outputs, plan file, comment, requests and runner temp", { timeout: 180_000 }, async () => {
    const { dir } = await repoWithKilledRun(); // the journal is folded in memory
    const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
    action.cleanups.push(() => github.close());
    // The Action reads the pull request's head before commenting: this run plans that head.
    github.setPull({ number: 7, headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', state: 'open', mergeCommitSha: null });
    const run = await action.run({
      workspace: dir,
      event: 'pull_request',
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      token: 'ghs_secretsSweepToken0123456789',
      apiUrl: github.url,
      inputs: { command: 'plan' },
      env,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('(sensitive)');
    expect(github.comments.length).toBe(1);
    keep('action', run);
    written.push({ where: 'action summary', text: run.summary });
    for (const [name, value] of Object.entries(run.outputs)) written.push({ where: `action output ${name}`, text: value });
    expect(run.outputs['plan-json']).toBeTruthy();
    written.push({ where: 'action plan-json', text: await readFile(run.outputs['plan-json']!, 'utf8') });
    for (const comment of github.comments) written.push({ where: `comment ${comment.id}`, text: comment.body });
    for (const request of github.requests) written.push({ where: `github ${request.method} ${request.path}`, text: request.body });
    await readTree(run.runnerTemp, 'runner temp');

    expect(written.length).toBeGreaterThan(10);
    expect(leaks()).toEqual([]);
  });
});

describe('a secret is kept only as a keyed hash', () => {
  test('the state holds an HMAC of the password under its own salt; a new password shows as one (sensitive) change', async () => {
    const dir = await repoWith([taskWith(1000001, PASSWORD)]);
    const applied = await dwsync(dir, ['apply']);
    expect(applied.code, applied.stderr).toBe(0);
    const state = await readState(dir);
    const stored = (state.tasks['10000/1000001']?.applied?.taskContent as { steps: Array<{ parameter: JsonObject }> }).steps[0]!.parameter.password;
    expect(stored).toBe(expectedHash(PASSWORD, state.salt));
    expect(JSON.stringify(state)).not.toContain(PASSWORD);

    await writeFile(path.join(dir, 'jobs/t1000001.yaml'), taskYaml(taskWith(1000001, PASSWORD_2)));
    const plan = await dwsync(dir, ['plan', '--json', '--detailed-exitcode']);
    expect(plan.code, plan.stderr).toBe(2);
    const report = JSON.parse(plan.stdout) as PlanReport;
    expect(report.summary).toEqual({ create: 0, update: 1, unchanged: 0, orphaned: 0 });
    expect(report.changes[0]).toMatchObject({
      reason: 'changed',
      taskContentPatch: [{ op: 'replace', path: '/steps/0/parameter/password', value: '(sensitive)' }],
      taskParamPatch: [],
    });
    const text = await dwsync(dir, ['plan']);
    expect(text.stdout).toContain('! taskContent.steps[0].parameter.password: "(sensitive)" → "(sensitive)"');
    expect(text.stdout).toContain('Plan: 1 to update, 0 unchanged, 0 orphaned.');
    for (const out of [plan.stdout, text.stdout, text.stderr]) for (const secret of SECRETS) expect(out).not.toContain(secret);
  });

  test('two state files (two salts) hash the same password differently', async () => {
    const states: State[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = await repoWith([taskWith(1000002, PASSWORD)]);
      const run = await dwsync(dir, ['apply']);
      expect(run.code, run.stderr).toBe(0);
      states.push(await readState(dir));
    }
    const [a, b] = states.map((s) => (s.tasks['10000/1000002']?.applied?.taskContent as { steps: Array<{ parameter: JsonObject }> }).steps[0]!.parameter.password);
    expect(states[0]!.salt).not.toBe(states[1]!.salt);
    expect(a).toMatch(/^sensitive:hmac-sha256:[0-9a-f]{64}$/);
    expect(b).toMatch(/^sensitive:hmac-sha256:[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).toBe(expectedHash(PASSWORD, states[0]!.salt));
    expect(b).toBe(expectedHash(PASSWORD, states[1]!.salt));
  });
});
