import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { parseGithubContext } from '../../src/action/github-context.js';
import { runApplyStep, type ApplyCommand } from '../../src/action/run-apply-step.js';
import type { StepContext } from '../../src/action/step-context.js';
import { applyWithSettings } from '../../src/commands/apply.js';
import type { CommandDeps } from '../../src/commands/command-options.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { UserInputError } from '../../src/errors.js';
import { createOctokitGithub } from '../../src/github/octokit-github.js';
import { silentLogger } from '../../src/ports.js';
import { systemClock } from '../../src/system-clock.js';
import { buildApply } from '../support/build-reports.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { parseStateText } from '../support/read-state-file.js';
import { recordActions } from '../support/record-actions.js';
import { taskYaml } from '../support/task-yaml.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTempOrigin, gitIn, type TempOrigin } from '../support/temp-origin.js';

// The apply step in-process: which runs it refuses, and what it leaves behind (outputs, the state
// commit on origin, the post step's saved state, the comment) when the apply succeeds, fails or is
// cancelled. The whole Action, bundled, is run in apply-on-push.test.ts.

const TASK = buildTask({ fileId: 1000001, file: 'jobs/ods/t.yaml' });
const STATE = '.dwsync/state.json';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Setup = { ctx: StepContext; io: ReturnType<typeof recordActions>; repo: TempOrigin; emulator: Emulator; github: FakeGithub; sha: string };

async function setup(env: Record<string, string> = {}, payload: unknown = { repository: { default_branch: 'main' } }, signal?: AbortSignal): Promise<Setup> {
  const repo = await createTempOrigin({ [TASK.file]: taskYaml(TASK) });
  cleanups.push(() => repo.cleanup());
  const { dir: temp, remove } = await makeTempDir('dwsync-apply-step-');
  cleanups.push(remove);
  const emulator = await startEmulator({ seed: [{ projectId: TASK.projectId, fileId: TASK.fileId }] });
  cleanups.push(() => emulator.close());
  const github = await startFakeGithub({ owner: 'acme', repo: 'jobs' });
  cleanups.push(() => github.close());
  const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
  github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: sha });
  const fullEnv = {
    GITHUB_REPOSITORY: 'acme/jobs',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '9',
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: repo.clone,
    INPUT_COMMAND: 'apply',
    'INPUT_GITHUB-TOKEN': 'tok',
    INPUT_ENDPOINT: emulator.url,
    INPUT_QPS: '0',
    ...env,
  };
  const inputs = parseActionInputs(fullEnv);
  const io = recordActions();
  const deps: CommandDeps = {
    clock: systemClock,
    logger: silentLogger,
    env: {},
    createDataWorks: (options) => createDataWorks({ ...options, credential: createAccessKeyCredential('emulator', 'emulator') }),
    ...(signal ? { signal } : {}),
  };
  const ctx: StepContext = {
    inputs,
    github: parseGithubContext(fullEnv, payload),
    directory: '.',
    options: { root: repo.clone, endpoint: emulator.url, qps: 0, refresh: false, force: false, ...(inputs.state ? { statePath: inputs.state } : {}) },
    deps,
    io,
    api: createOctokitGithub('tok', github.url, { owner: 'acme', repo: 'jobs' }),
  };
  return { ctx, io, repo, emulator, github, sha };
}

const originTip = async (repo: TempOrigin) => (await gitIn(repo.origin).revparse(['main'])).trim();

// An apply command that must not run.
function neverApply(): ApplyCommand & { calls: number } {
  const command = Object.assign(async () => {
    command.calls += 1;
    return buildApply([]);
  }, { calls: 0 });
  return command;
}

describe('runApplyStep refuses to apply', () => {
  it.each([
    [{ GITHUB_EVENT_NAME: 'pull_request' }, {}, 'apply refuses to run on pull_request events: a pull request or a merge queue must not change DataWorks. Use command: plan here and apply on push to the default branch.'],
    [{ GITHUB_EVENT_NAME: 'merge_group' }, {}, 'apply refuses to run on merge_group events: a pull request or a merge queue must not change DataWorks. Use command: plan here and apply on push to the default branch.'],
    [{ GITHUB_REF: 'refs/heads/feature' }, {}, 'apply refuses to run on branch feature: it applies only main (the default branch)'],
    [{ GITHUB_REF: 'refs/tags/v1' }, {}, 'apply refuses to run on push outside a branch: it applies only main (the default branch)'],
    [{ 'INPUT_APPLY-BRANCH': 'release' }, {}, 'apply refuses to run on branch main: it applies only release (the apply-branch input)'],
    [{}, null, 'apply cannot tell the default branch from the event; name it with the apply-branch input'],
  ])('%j: says why, and neither applies nor saves anything', async (env, payload, message) => {
    const s = await setup(env, payload === null ? {} : { repository: { default_branch: 'main' } });
    const command = neverApply();
    await expect(runApplyStep(s.ctx, command)).rejects.toThrow(new UserInputError(message));
    expect(command.calls).toBe(0);
    expect([s.io.saved, s.io.outputs, s.emulator.state.calls, s.github.requests]).toEqual([{}, {}, [], []]);
  });

  it('applies a branch the apply-branch input names, without a default branch in the event', async () => {
    const s = await setup({ 'INPUT_APPLY-BRANCH': 'main', 'INPUT_COMMIT-STATE': 'false' }, {});
    await runApplyStep(s.ctx, async () => buildApply([]));
    expect(s.io.failed).toBeNull();
  });

  it('refuses a state path per workspace without a workspace input', async () => {
    const s = await setup({ INPUT_STATE: '.dwsync/{projectId}.json' });
    const command = neverApply();
    await expect(runApplyStep(s.ctx, command)).rejects.toThrow(/^the state path .*\.dwsync\/\{projectId\}\.json holds \{projectId\}: give the Action a workspace input \(one job per workspace\)$/);
    expect(command.calls).toBe(0);
  });
});

describe('runApplyStep applies', () => {
  it('sets its outputs, writes the report file, commits the state to origin and marks the post step finished', async () => {
    const s = await setup();
    const before = await originTip(s.repo);
    await runApplyStep(s.ctx, applyWithSettings);
    expect(s.io.failed).toBeNull();
    const tip = await originTip(s.repo);
    expect(tip).not.toBe(before);
    expect(s.io.outputs).toMatchObject({ applied: '1', failed: '0', skipped: '0', 'apply-summary': '1 applied, 0 failed, 0 unchanged, 0 skipped', 'state-commit': tip });
    expect(s.io.outputs['apply-json']).toBe(path.join(s.ctx.github.runnerTemp, 'dwsync', 'apply.json'));
    expect(JSON.parse(await readFile(s.io.outputs['apply-json']!, 'utf8')).results).toMatchObject([{ key: TASK.key, outcome: 'applied' }]);
    const pushed = parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`])) as { tasks: Record<string, unknown> };
    expect(Object.keys(pushed.tasks)).toEqual([TASK.key]);
    expect(JSON.parse(s.io.saved['dwsync-apply']!)).toEqual({ root: s.repo.clone, statePath: path.join(s.repo.clone, STATE), branch: 'main', sha: s.sha, directory: '.', finished: true });
    expect(s.io.lines).toContain(`info: state of origin/main (${before.slice(0, 12)}): no-state-on-branch`);
    // The log shows the apply moving: here its one task, done.
    expect(s.io.lines.filter((line) => line.startsWith('info: dwsync: ['))).toEqual([expect.stringMatching(/^info: dwsync: \[1\/1\] [\d.]+\/s {2}ETA /)]);
    expect(s.github.comments.map((c) => [c.issue, c.body.split('\n', 1)[0]])).toEqual([[12, '<!-- dwsync:apply -->']]);
    expect(s.emulator.state.tasks.get(TASK.key)?.updates).toBe(1);
  });

  it('with commit-state off, neither brings in nor commits the state, and saves nothing for the post step', async () => {
    const s = await setup({ 'INPUT_COMMIT-STATE': 'false' });
    const before = await originTip(s.repo);
    await runApplyStep(s.ctx, applyWithSettings);
    expect(s.io.failed).toBeNull();
    expect(await originTip(s.repo)).toBe(before);
    expect(s.io.saved).toEqual({});
    expect(s.io.outputs['state-commit']).toBeUndefined();
    expect(s.io.lines.some((line) => line.includes('state of origin/main'))).toBe(false);
  });

  it('when the apply fails after recording outcomes, annotates its problems, reports the failure and still commits what was recorded', async () => {
    const s = await setup();
    const before = await originTip(s.repo);
    const problem = { file: 'jobs/ods/t.yaml', line: 4, column: 2, path: 'taskParam', message: 'something was wrong' };
    await runApplyStep(s.ctx, async (settings, deps) => {
      await applyWithSettings(settings, deps);
      throw new UserInputError('the apply stopped', { problems: [problem] });
    });
    expect(s.io.failed).toBe('the apply stopped');
    expect(s.io.lines).toContain('error: something was wrong {"title":"dwsync: taskParam","file":"jobs/ods/t.yaml","startLine":4,"startColumn":2}');
    expect(s.io.summary).toContain('the apply stopped');
    expect(s.github.comments[0]?.body).toContain('the apply stopped');
    expect(await originTip(s.repo)).not.toBe(before);
    expect(s.io.outputs['apply-json']).toBeUndefined();
    expect(JSON.parse(s.io.saved['dwsync-apply']!).finished).toBe(true);
  });

  it('when cancelled, fails with the counts and leaves the commit to the post step', async () => {
    const controller = new AbortController();
    const s = await setup({}, undefined, controller.signal);
    const before = await originTip(s.repo);
    await runApplyStep(s.ctx, async () => {
      controller.abort();
      return buildApply([{ key: TASK.key, file: TASK.file, outcome: 'skipped', reason: 'interrupted', attempts: 0 }]);
    });
    expect(s.io.failed).toBe('dwsync apply was cancelled: 0 applied, 0 failed, 0 unchanged, 1 skipped; the post step commits the state');
    expect(await originTip(s.repo)).toBe(before);
    expect(JSON.parse(s.io.saved['dwsync-apply']!).finished).toBe(false);
    expect(s.io.outputs).toMatchObject({ applied: '0', skipped: '1' });
  });

  it('fails the step with the counts when a task was skipped or failed, after committing the state', async () => {
    const s = await setup();
    await runApplyStep(s.ctx, async (settings, deps) => {
      const report = await applyWithSettings(settings, deps);
      return { ...report, summary: { ...report.summary, failed: 1 } };
    });
    expect(s.io.failed).toBe('dwsync apply: 1 applied, 1 failed, 0 unchanged, 0 skipped');
    expect(s.io.outputs['state-commit']).toBe(await originTip(s.repo));
  });
});
