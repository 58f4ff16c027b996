import { access, chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import { formatState } from '../../src/core/state/format-state.js';
import { lockPathFor } from '../../src/state/lock.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';
import { taskYaml } from '../support/task-yaml.js';
import { aState } from '../support/state-builders.js';
import { createTempOrigin, gitIn } from '../support/temp-origin.js';
import type { TempOrigin } from '../support/temp-origin.js';
import type { ActionRun, StartedAction } from './run-action.js';
import { useBundledAction } from './use-bundled-action.js';
import { parseStateText } from '../support/read-state-file.js';
import { startFakeArtifactService } from '../support/fake-artifact-service.js';
import { readZip } from '../support/read-zip.js';

// The runner cancels a job by sending SIGINT, then SIGTERM 7.5 s later, then killing what is left;
// afterwards it runs the post step. These tests do the same to the bundled Action mid-apply.

const TOKEN = 'ghs_cAnCeLtOkEn0123456789abcdefABCDEF';
const STATE = '.dwsync/state.json';
const SIGTERM_AFTER_MS = 7_500;
const KILL_AFTER_SIGTERM_MS = 2_500;

const action = useBundledAction();
const { cleanups } = action;

type Setup = { repo: TempOrigin; emulator: Emulator; github: FakeGithub; sha: string };

async function setup(count: number, latencyMs: number): Promise<Setup> {
  const tasks = Array.from({ length: count }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/t${i}.yaml` }));
  const files = Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)]));
  const repo = await createTempOrigin({ ...files, [STATE]: formatState(aState()) });
  cleanups.push(() => repo.cleanup());
  const emulator = await startEmulator({ port: 0, latencyMs, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  cleanups.push(() => emulator.close());
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
  cleanups.push(() => github.close());
  const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
  github.setPull({ number: 21, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: sha });
  return { repo, emulator, github, sha };
}

function start(s: Setup, concurrency: number, env: Record<string, string> = {}): Promise<StartedAction> {
  return action.start({
    workspace: s.repo.clone,
    event: 'push',
    sha: s.sha,
    token: TOKEN,
    apiUrl: s.github.url,
    inputs: { command: 'apply', concurrency: String(concurrency), qps: '0' },
    env: { DWSYNC_ENDPOINT: s.emulator.url, ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator', ...env },
  });
}

// What the runner does on cancel, ending when the process has exited.
async function cancelLikeTheRunner(started: StartedAction): Promise<{ run: ActionRun; sigterm: boolean }> {
  started.child.kill('SIGINT');
  const exited = (ms: number) => Promise.race([started.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  if (await exited(SIGTERM_AFTER_MS)) return { run: await started.done, sigterm: false };
  started.child.kill('SIGTERM');
  if (!(await exited(KILL_AFTER_SIGTERM_MS))) started.child.kill('SIGKILL');
  return { run: await started.done, sigterm: true };
}

type Call = { action: string; status: number | null; parameters: Record<string, string> };
async function updateCalls(emulator: Emulator): Promise<Call[]> {
  const calls = (await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as Call[];
  return calls.filter((c) => c.action === 'UpdateDISyncTask');
}

type PushedState = { tasks: Record<string, { lastAttempt: { outcome: string; reason?: string } | null }> };
async function pushedState(repo: TempOrigin): Promise<PushedState> {
  return parseStateText(await gitIn(repo.origin).show([`main:${STATE}`])) as unknown as PushedState;
}

function appliedKeys(state: PushedState): string[] {
  return Object.entries(state.tasks).filter(([, r]) => r.lastAttempt?.outcome === 'applied').map(([k]) => k);
}

function updatedKeys(calls: Call[]): string[] {
  return calls.filter((c) => c.status === 200).map((c) => `${c.parameters.ProjectId}/${c.parameters.FileId}`).sort();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('the Action, cancelled mid-apply', () => {
  it('SIGINT, then SIGTERM 7.5 s later: the calls in flight finish and are recorded, no new call starts, the post step pushes the state', async () => {
    // Calls take 9 s: they are still in flight when SIGTERM comes, and end before the runner's kill.
    const s = await setup(6, 9_000);
    const started = await start(s, 2);
    await waitFor(() => exists(lockPathFor(path.join(s.repo.clone, STATE))));
    await new Promise((r) => setTimeout(r, 1_500)); // the first two updates are on the wire
    const { run: main, sigterm } = await cancelLikeTheRunner(started);
    expect(sigterm).toBe(true);
    expect(main.signal, main.stdout).toBeNull(); // it ended by itself, not by the kill
    expect(main.stdout).toMatch(/^SIGINT: the run is being cancelled: finishing the calls in flight, starting no new ones$/m);
    expect(main.stdout).toMatch(/^SIGTERM: still finishing the calls in flight/m);
    expect(main.stdout).toMatch(/^::error::dwsync apply was cancelled: 2 applied, 0 failed, 0 unchanged, 4 skipped; the post step commits the state$/m);
    const calls = await updateCalls(s.emulator);
    expect(calls).toHaveLength(2);
    // The main step left the commit to the post step.
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(1);

    const post = await action.post(main);
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.stdout).toContain('dwsync post: the apply did not finish');
    const [head] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head?.message).toBe(`dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`);
    const state = await pushedState(s.repo);
    // Judged from outside: what the emulator took is exactly what the pushed state says was applied.
    expect(appliedKeys(state)).toEqual(updatedKeys(calls));
    expect(Object.values(state.tasks).filter((r) => r.lastAttempt?.outcome === 'skipped').map((r) => r.lastAttempt?.reason)).toEqual(Array(4).fill('interrupted'));
    expect(post.summary).toMatch(/State committed as `[0-9a-f]{40}` and pushed to main\./);
    const comment = s.github.comments.find((c) => c.issue === 21)?.body ?? '';
    expect(comment).toContain('⏹️ **Apply cancelled**');
    expect(comment).toContain('| 0 | 2 | 0 | 0 | 4 | 0 |');
  }, 60_000);

  it('the post step uploads the state as an artifact of the run when it cannot push', async () => {
    const s = await setup(4, 3_000);
    const artifacts = await startFakeArtifactService();
    cleanups.push(() => artifacts.close());
    await writeFile(path.join(s.repo.origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
    await chmod(path.join(s.repo.origin, 'hooks', 'pre-receive'), 0o755);
    // What the runner gives every JavaScript action: the artifact service and the job's token.
    const started = await start(s, 2, { ACTIONS_RESULTS_URL: `${artifacts.url}/`, ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken, GITHUB_SERVER_URL: 'https://github.com' });
    await waitFor(() => exists(lockPathFor(path.join(s.repo.clone, STATE))));
    await new Promise((r) => setTimeout(r, 1_000));
    const { run: main } = await cancelLikeTheRunner(started);
    expect(main.code).toBe(1);
    const calls = await updateCalls(s.emulator);

    const post = await action.post(main);
    expect(post.code).toBe(1);
    expect(artifacts.artifacts.map((a) => a.name)).toEqual(['dwsync-state-attempt-1']);
    const kept = parseStateText(readZip(artifacts.artifacts[0]!.content)[STATE]!.toString('utf8')) as unknown as PushedState;
    expect(appliedKeys(kept)).toEqual(updatedKeys(calls));
    expect(calls.length).toBeGreaterThan(0);
    const command = 'gh run download 4242 --repo acme/dataworks-jobs --name dwsync-state-attempt-1';
    expect(post.stdout).toMatch(
      new RegExp(`^::error::the state file could not be pushed to main; it is uploaded as the artifact dwsync-state-attempt-1 of this run: at the repository root, \`${command}\` writes \\.dwsync/state\\.json \\(or download it from https://github\\.com/acme/dataworks-jobs/actions/runs/4242/artifacts/1001\\); commit that file`, 'm'),
    );
    expect(post.summary).toContain('❌ **State not pushed to main.** It is uploaded as the artifact [<code>dwsync-state-attempt-1</code>](https://github.com/acme/dataworks-jobs/actions/runs/4242/artifacts/1001)');
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(1);
  }, 60_000);

  it('killed outright: the post step folds the journal the apply left, takes over its lock and pushes', async () => {
    const s = await setup(5, 1_000);
    const started = await start(s, 1);
    // Two updates answered and recorded, the third on the wire: then the process dies.
    await waitFor(async () => (await updateCalls(s.emulator)).length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    const answeredBeforeKill = updatedKeys(await updateCalls(s.emulator));
    started.child.kill('SIGKILL');
    const main = await started.done;
    expect(main.signal).toBe('SIGKILL');
    expect(await exists(path.join(s.repo.clone, `${STATE}.journal`))).toBe(true);
    expect(await exists(lockPathFor(path.join(s.repo.clone, STATE)))).toBe(true);

    const post = await action.post(main);
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.stdout).toMatch(/^folded \d+ journal records into /m);
    const applied = appliedKeys(await pushedState(s.repo));
    for (const key of answeredBeforeKill) expect(applied).toContain(key);
    // Nothing is claimed that the emulator did not take.
    const taken = updatedKeys(await updateCalls(s.emulator));
    for (const key of applied) expect(taken).toContain(key);
    expect(await exists(path.join(s.repo.clone, `${STATE}.journal`))).toBe(false);
  }, 60_000);
});
