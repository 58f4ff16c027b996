import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import { BOT_EMAIL, BOT_NAME } from '../../src/github/push-state-commit.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempRepo, gitIn, writeFiles } from '../github/temp-git-repo.js';
import type { TempRepo } from '../github/temp-git-repo.js';
import { findTokenLeaks, prepareRunner, runBundledAction } from './run-action.js';
import type { Runner } from './run-action.js';
import { parseStateText } from '../support/read-state-file.js';

const TOKEN = 'ghs_aPpLyToKeN0123456789abcdefABCDEF';
const STATE = '.dwsync/state.json';

let runner: Runner;
const cleanups: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  runner = await prepareRunner();
});
afterAll(async () => {
  await runner.cleanup();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Setup = { repo: TempRepo; emulator: Emulator; github: FakeGithub; sha: string; keys: string[] };

async function setup(): Promise<Setup> {
  const tasks = [1000001, 1000002].map((fileId) => buildTask({ fileId, file: `jobs/ods/t${fileId}.yaml` }));
  const repo = await createTempRepo(Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])));
  cleanups.push(() => repo.cleanup());
  const emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  cleanups.push(() => emulator.close());
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
  cleanups.push(() => github.close());
  const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
  return { repo, emulator, github, sha, keys: tasks.map((t) => t.key) };
}

function apply(s: Setup, inputs: Record<string, string> = {}) {
  return runBundledAction(runner, {
    workspace: s.repo.clone,
    event: 'push',
    sha: s.sha,
    token: TOKEN,
    apiUrl: s.github.url,
    inputs: { command: 'apply', ...inputs },
    env: { DWSYNC_ENDPOINT: s.emulator.url, ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' },
  });
}

async function liveTasks(emulator: Emulator) {
  return (await (await fetch(`${emulator.url}/__emulator/tasks`)).json()) as Array<{ fileId: number; taskParam: string; updates?: number }>;
}

describe('the Action, apply on a push to the default branch', () => {
  it('applies every task, shows each outcome, and pushes the state commit to origin', async () => {
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
    const state = parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`]));
    expect(Object.keys(state.tasks)).toEqual(s.keys);
    expect(s.github.requests).toEqual([]);
  });

  it('rebases the state commit when origin moved between apply and push, then pushes it', async () => {
    const s = await setup();
    // A colleague's merge is ready in another clone; a pre-push hook lands it on origin at the
    // moment the Action first pushes, exactly between the apply and its push.
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
    expect(log.map((c) => c.message)).toEqual([
      `dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`,
      'colleague merge',
      'initial',
    ]);
    expect(log[0]?.hash).toBe(run.outputs['state-commit']);
    expect(await gitIn(s.repo.origin).show(['main:README.md'])).toBe('hello\n');
    expect(Object.keys(parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`])).tasks)).toEqual(s.keys);
  });

  it('fails the step when a task fails, yet records and pushes the state of the rest', async () => {
    const s = await setup();
    s.emulator.failNext({ kind: 'status-fail', message: 'ResourceGroup is invalid' }, { action: 'UpdateDISyncTask' });
    const run = await apply(s, { concurrency: '1' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ applied: '1', failed: '1' });
    expect(run.stdout).toMatch(/^::error::dwsync apply: 1 applied, 1 failed, 0 unchanged, 0 skipped$/m);
    expect(run.summary).toMatch(/\| ❌ failed \| <code>10000\/1000001<\/code> \| .*ResourceGroup is invalid/);
    expect(run.summary).toContain('| ✅ applied | <code>10000/1000002</code> |');
    const [head] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head?.hash).toBe(run.outputs['state-commit']);
  });

  it('fails loudly and keeps the state for an artifact when origin refuses every push', async () => {
    const s = await setup();
    const hook = path.join(s.repo.origin, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const run = await apply(s);
    expect(run.code).toBe(1);
    expect(run.outputs.applied).toBe('2');
    const artifact = run.outputs['state-artifact'];
    expect(artifact?.startsWith(run.runnerTemp)).toBe(true);
    expect(Object.keys(parseStateText(await readFile(artifact!, 'utf8')).tasks)).toEqual(s.keys);
    expect(run.stdout).toMatch(/^::error::DataWorks was updated but the state file could not be pushed to main; it is kept at .*after 4 attempts/m);
    expect((await gitIn(s.repo.origin).log(['main'])).all).toHaveLength(1);
  });
});
