import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/start-emulator.js';
import { BOT_EMAIL, BOT_NAME } from '../../src/git/push-state-commit.js';
import { formatState } from '../../src/core/state/format-state.js';
import { lockPathFor } from '../../src/state/lock.js';
import { aState } from '../support/state-builders.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempOrigin, gitIn, pushFromElsewhere, writeFiles } from '../support/temp-origin.js';
import type { TempOrigin } from '../support/temp-origin.js';
import { findTokenLeaks } from './run-action.js';
import type { RunOptions } from './run-action.js';
import { useBundledAction } from './use-bundled-action.js';
import { parseStateText } from '../support/read-state-file.js';
import { startFakeArtifactService } from '../support/fake-artifact-service.js';
import { readZip } from '../support/read-zip.js';

const TOKEN = 'ghs_aPpLyToKeN0123456789abcdefABCDEF';
const STATE = '.dwsync/state.json';
const APPLY_MARKER = '<!-- dwsync:apply -->';
const CREDS = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };

const action = useBundledAction();
const { cleanups } = action;

type Setup = { repo: TempOrigin; emulator: Emulator; github: FakeGithub; sha: string; keys: string[] };

function tasksFor(ids: number[]) {
  return ids.map((fileId) => buildTask({ fileId, file: `jobs/ods/t${fileId}.yaml` }));
}

async function setup(ids = [1000001, 1000002], emulatorOptions: EmulatorOptions = {}, extraSeeds: number[] = [], files: Record<string, string> = {}): Promise<Setup> {
  const tasks = tasksFor(ids);
  const repo = await createTempOrigin({ ...Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])), ...files });
  cleanups.push(() => repo.cleanup());
  const seed = [...tasks, ...tasksFor(extraSeeds)].map(({ projectId, fileId }) => ({ projectId, fileId }));
  const emulator = await startEmulator({ port: 0, seed, ...emulatorOptions });
  cleanups.push(() => emulator.close());
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
  cleanups.push(() => github.close());
  const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
  github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: sha });
  return { repo, emulator, github, sha, keys: tasks.map((t) => t.key) };
}

function applyOptions(s: Setup, inputs: Record<string, string> = {}, more: Partial<RunOptions> = {}): RunOptions {
  return {
    workspace: s.repo.clone,
    event: 'push',
    sha: s.sha,
    token: TOKEN,
    apiUrl: s.github.url,
    inputs: { command: 'apply', ...inputs },
    env: { DWSYNC_ENDPOINT: s.emulator.url, ...CREDS },
    ...more,
  };
}

function apply(s: Setup, inputs: Record<string, string> = {}, more: Partial<RunOptions> = {}) {
  return action.run(applyOptions(s, inputs, more));
}

type LiveTask = { fileId: number; taskParam: string; updates: number };
async function liveTasks(emulator: Emulator): Promise<LiveTask[]> {
  return (await (await fetch(`${emulator.url}/__emulator/tasks`)).json()) as LiveTask[];
}

type PushedState = { serial: number; tasks: Record<string, { lastAttempt: { outcome: string; reason?: string } | null; applied: unknown }> };
async function pushedState(repo: TempOrigin): Promise<PushedState> {
  return parseStateText(await gitIn(repo.origin).show([`main:${STATE}`])) as unknown as PushedState;
}

describe('the Action, apply on a push to the default branch', () => {
  it('applies every task, shows each outcome, pushes the state commit, and reports back on the merged pull request', async () => {
    const s = await setup();
    const run = await apply(s);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(findTokenLeaks(run, TOKEN)).toEqual([]);
    const live = await liveTasks(s.emulator);
    expect(live.map((t) => JSON.parse(t.taskParam))).toEqual([
      { ResourceGroup: 'S_res_group_1_1', Cu: 2 },
      { ResourceGroup: 'S_res_group_1_1', Cu: 2 },
    ]);
    expect(run.outputs).toMatchObject({ applied: '2', failed: '0', 'apply-summary': '2 applied, 0 failed, 0 unchanged, 0 skipped' });
    for (const key of s.keys) expect(run.summary).toContain(`| ✅ applied | <code>${key}</code> |`);

    const [head, parent] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head?.hash).toBe(run.outputs['state-commit']);
    expect(parent?.hash).toBe(s.sha);
    expect(head).toMatchObject({ author_name: BOT_NAME, author_email: BOT_EMAIL });
    expect(head?.message).toBe(`dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`);
    expect(head?.body).toContain(`Applied commit: ${s.sha}`);
    expect(Object.keys((await pushedState(s.repo)).tasks)).toEqual(s.keys);

    // The merged pull request, found through "list pull requests associated with a commit".
    expect(s.github.requests.some((r) => r.method === 'GET' && r.path === `/repos/acme/dataworks-jobs/commits/${s.sha}/pulls`)).toBe(true);
    const results = s.github.comments.filter((c) => c.issue === 12);
    expect(results).toHaveLength(1);
    expect(results[0]?.body.split('\n', 1)[0]).toBe(APPLY_MARKER);
    expect(results[0]?.body).toContain(`✅ **Applied** for commit <code>${s.sha.slice(0, 12)}</code> · [run](https://github.test/acme/dataworks-jobs/actions/runs/4242)`);
    expect(results[0]?.body).toContain('| created | applied | deleted | failed | skipped | unchanged |\n|---:|---:|---:|---:|---:|---:|\n| 0 | 2 | 0 | 0 | 0 | 0 |');
    expect(run.outputs['results-comment-url']).toBe(results[0]?.html_url);
  });

  it('lists the failures with their codes in the results comment, yet records and pushes the state of the rest', async () => {
    const s = await setup();
    s.emulator.failNext({ kind: 'status-fail', message: 'ResourceGroup is invalid' }, { action: 'UpdateDISyncTask' });
    const run = await apply(s, { concurrency: '1' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ applied: '1', failed: '1' });
    expect(run.stdout).toMatch(/^::error::dwsync apply: 1 applied, 1 failed, 0 unchanged, 0 skipped$/m);
    expect(run.summary).toMatch(/\| ❌ failed \| <code>10000\/1000001<\/code> \| .*ResourceGroup is invalid/);
    const [head] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head?.hash).toBe(run.outputs['state-commit']);
    const body = s.github.comments.find((c) => c.issue === 12)?.body ?? '';
    expect(body).toContain('⚠️ **Applied with failures**');
    expect(body).toContain('| 0 | 1 | 0 | 1 | 0 | 0 |');
    expect(body).toMatch(/- <code>10000\/1000001<\/code> \(<code>jobs\/ods\/t1000001\.yaml<\/code>\): <code>Invalid\.DI\.Parameter<\/code> .*ResourceGroup is invalid/);
  });

  it('two merges in quick succession, the second run checked out without the first run\'s state commit: every task updated once', async () => {
    const s = await setup([1000001, 1000002], {}, [1000003]);
    // Merge 2 lands while run 1 works: it adds a task. Run 2 checks out merge 2, which the state
    // commit of run 1 does not precede.
    const [c] = tasksFor([1000003]);
    const merge2 = await pushFromElsewhere(s.repo, 'merge2', { [c!.file]: taskYaml(c) });
    const clone2 = path.join(s.repo.dir, 'clone2');
    await gitIn(s.repo.dir).clone(s.repo.origin, clone2, ['--branch', 'main']);
    s.github.setPull({ number: 13, headSha: 'e'.repeat(40), state: 'closed', mergeCommitSha: merge2 });

    const first = await apply(s);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.applied).toBe('2');
    expect(await readFile(path.join(clone2, STATE), 'utf8').catch(() => null)).toBeNull();

    const second = await apply(s, {}, { workspace: clone2, sha: merge2 });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('state of origin/main');
    expect(second.outputs).toMatchObject({ applied: '1', 'apply-summary': '1 applied, 0 failed, 2 unchanged, 0 skipped' });

    // Counted where it happened: the emulator took exactly one update per task.
    expect((await liveTasks(s.emulator)).map((t) => [t.fileId, t.updates])).toEqual([
      [1000001, 1],
      [1000002, 1],
      [1000003, 1],
    ]);
    const state = await pushedState(s.repo);
    expect(Object.entries(state.tasks).map(([k, r]) => [k, r.lastAttempt?.outcome])).toEqual([
      ['10000/1000001', 'applied'],
      ['10000/1000002', 'applied'],
      ['10000/1000003', 'applied'],
    ]);
    expect((await gitIn(s.repo.origin).log(['main'])).all.map((c) => c.message)).toEqual([
      `dwsync: record the state after applying ${merge2.slice(0, 12)} [skip ci]`,
      `dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`,
      'change from merge2',
      'initial',
    ]);
    // Each run reported on its own pull request.
    expect(s.github.comments.map((c) => c.issue).sort()).toEqual([12, 13]);
  });

  it('two runs whose state pushes race: the later push merges per task and both outcomes land', async () => {
    // A repository that has applied before: its state file, with no records yet, is on the branch.
    const s = await setup([1000001, 1000002, 1000003], {}, [], { [STATE]: formatState(aState()) });
    const clone2 = path.join(s.repo.dir, 'clone2');
    await gitIn(s.repo.dir).clone(s.repo.origin, clone2, ['--branch', 'main']);
    // Run 1's first push waits until run 2 has pushed: both fetched the same tip, so run 1's push
    // is refused and must merge run 2's state into its own.
    const released = path.join(s.repo.dir, 'run2-pushed');
    const hook = path.join(s.repo.clone, '.git', 'hooks', 'pre-push');
    await writeFile(hook, `#!/bin/sh\nwhile [ ! -e "${released}" ]; do sleep 0.1; done\nexit 0\n`);
    await chmod(hook, 0o755);
    const run1 = apply(s, { only: 'jobs/ods/t1000001.yaml\njobs/ods/t1000002.yaml' });
    // Run 2 starts once run 1 has applied (its hook is waiting), from the same tip.
    await waitFor(async () => (await liveTasks(s.emulator)).filter((t) => t.updates > 0).length === 2);
    const run2 = await apply(s, { only: 'jobs/ods/t1000003.yaml' }, { workspace: clone2 });
    expect(run2.code, run2.stdout + run2.stderr).toBe(0);
    await writeFile(released, '');
    const first = await run1;
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^::warning::push of the state commit to main refused \(attempt 1\)/m);

    expect((await liveTasks(s.emulator)).map((t) => t.updates)).toEqual([1, 1, 1]);
    const state = await pushedState(s.repo);
    expect(Object.entries(state.tasks).map(([k, r]) => [k, r.lastAttempt?.outcome])).toEqual([
      ['10000/1000001', 'applied'],
      ['10000/1000002', 'applied'],
      ['10000/1000003', 'applied'],
    ]);
    const run2Serial = parseStateText(await gitIn(s.repo.origin).show([`${run2.outputs['state-commit']}:${STATE}`])).serial;
    expect(state.serial).toBeGreaterThan(run2Serial);
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(3);
  });

  it('commits on top of a branch that moved between apply and push', async () => {
    const s = await setup();
    // A colleague's merge lands on origin at the moment the Action first pushes.
    const other = path.join(s.repo.dir, 'colleague');
    await gitIn(s.repo.dir).clone(s.repo.origin, other, ['--branch', 'main']);
    await writeFiles(other, { 'README.md': 'hello\n' });
    await gitIn(other).add('.').commit('colleague merge');
    const hook = path.join(s.repo.clone, '.git', 'hooks', 'pre-push');
    const mark = path.join(s.repo.dir, 'raced');
    await writeFile(
      hook,
      `#!/bin/sh\nif [ ! -e "${mark}" ]; then\n  touch "${mark}"\n  unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n  git -C "${other}" push -q origin main >&2\nfi\nexit 0\n`,
    );
    await chmod(hook, 0o755);

    const run = await apply(s);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::push of the state commit to main refused \(attempt 1\)/m);
    const log = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(log.map((c) => c.message)).toEqual([`dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`, 'colleague merge', 'initial']);
    expect(log[0]?.hash).toBe(run.outputs['state-commit']);
    expect(await gitIn(s.repo.origin).show(['main:README.md'])).toBe('hello\n');
    expect(Object.keys((await pushedState(s.repo)).tasks)).toEqual(s.keys);
  });

  it('fails loudly and uploads the state as an artifact of the run when origin refuses every push', async () => {
    const s = await setup();
    const artifacts = await startFakeArtifactService();
    cleanups.push(() => artifacts.close());
    const hook = path.join(s.repo.origin, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const run = await action.run({
      ...applyOptions(s),
      env: { DWSYNC_ENDPOINT: s.emulator.url, ...CREDS, ACTIONS_RESULTS_URL: `${artifacts.url}/`, ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken, GITHUB_SERVER_URL: 'https://github.com' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.applied).toBe('2');
    const url = 'https://github.com/acme/dataworks-jobs/actions/runs/4242/artifacts/1001';
    expect([run.outputs['state-artifact-name'], run.outputs['state-artifact-url']]).toEqual(['dwsync-state-attempt-1', url]);
    expect(artifacts.artifacts.map((a) => [a.name, a.mimeType])).toEqual([['dwsync-state-attempt-1', 'application/zip']]);
    const zipped = readZip(artifacts.artifacts[0]!.content);
    expect(Object.keys(zipped)).toEqual([STATE]);
    expect(Object.keys(parseStateText(zipped[STATE]!.toString('utf8')).tasks)).toEqual(s.keys);
    // The copy on the runner stays, for a step of the workflow's own.
    expect(run.outputs['state-artifact']?.startsWith(run.runnerTemp)).toBe(true);
    expect(zipped[STATE]!.toString('utf8')).toBe(await readFile(run.outputs['state-artifact']!, 'utf8'));
    expect(run.stdout).toMatch(
      /^::error::DataWorks was updated but the state file could not be pushed to main; it is uploaded as the artifact dwsync-state-attempt-1 of this run: .*\(push: .*after 4 attempts/m,
    );
    expect(run.summary).toContain(`### dwsync apply: the state file\n\n❌ **State not pushed to main.** It is uploaded as the artifact [<code>dwsync-state-attempt-1</code>](${url}) of this run.`);
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(1);
  });

  it('a run that fails (a lock held by another run) says so in the summary and on the merged pull request', async () => {
    const s = await setup();
    await writeFiles(s.repo.clone, { [path.relative(s.repo.clone, lockPathFor(path.join(s.repo.clone, STATE)))]: JSON.stringify({ pid: 1, host: 'another-runner', command: 'dwsync apply', startedAt: '2026-12-01T00:00:00.000Z' }) });
    const run = await apply(s);
    expect(run.code).toBe(1);
    expect(run.summary).toContain('❌ **Apply failed**');
    expect(run.summary).toMatch(/\*\*Reason:\*\* .*another-runner/);
    const body = s.github.comments.find((c) => c.issue === 12)?.body ?? '';
    expect(body).toContain('❌ **Apply failed**');
    expect(body).toMatch(/\*\*Reason:\*\* .*another-runner/);
    expect(await liveTasks(s.emulator).then((t) => t.map((x) => x.updates))).toEqual([0, 0]);
  });
});

describe('the Action refuses to apply where it must not', () => {
  async function refused(more: Partial<RunOptions>, inputs: Record<string, string> = {}) {
    const s = await setup();
    const run = await apply(s, inputs, more);
    expect(run.code).toBe(1);
    expect((await liveTasks(s.emulator)).map((t) => t.updates)).toEqual([0, 0]);
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(1);
    return run;
  }

  it.each(['pull_request', 'pull_request_target', 'merge_group'] as const)('on %s', async (event) => {
    const run = await refused({ event, ref: event === 'merge_group' ? 'refs/heads/gh-readonly-queue/main/pr-7-abc' : 'refs/pull/7/merge' });
    expect(run.stdout).toMatch(new RegExp(`^::error::apply refuses to run on ${event} events`, 'm'));
  });

  it('on a branch other than the default one', async () => {
    const run = await refused({ ref: 'refs/heads/feature' });
    expect(run.stdout).toMatch(/^::error::apply refuses to run on branch feature: it applies only main \(the default branch\)/m);
  });

  it('on the default branch when the apply-branch input names another', async () => {
    const run = await refused({}, { 'apply-branch': 'release' });
    expect(run.stdout).toMatch(/^::error::apply refuses to run on branch main: it applies only release \(the apply-branch input\)/m);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
