import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/ports.js';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import { UserInputError } from '../../src/errors.js';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { parseGithubContext } from '../../src/action/github-context.js';
import { createOctokitGithub } from '../../src/github/octokit-github.js';
import { runPlanStep } from '../../src/action/run-plan-step.js';
import type { StepContext } from '../../src/action/step-context.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';
import { buildChange } from '../support/build-reports.js';
import { recordActions } from '../support/record-actions.js';
import { makeTempDir } from '../support/temp-dir.js';

const HEAD = 'a'.repeat(40);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function context(github: FakeGithub, directory = '.') {
  const { dir: temp, remove } = await makeTempDir('dwsync-step-');
  cleanups.push(remove);
  github.setPull({ number: 7, headSha: HEAD, state: 'open', mergeCommitSha: null });
  const io = recordActions();
  const env = { 'INPUT_GITHUB-TOKEN': 'tok', GITHUB_REPOSITORY: 'acme/jobs', GITHUB_EVENT_NAME: 'pull_request', GITHUB_RUN_ID: '9', RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp };
  const ctx: StepContext = {
    inputs: parseActionInputs(env),
    github: parseGithubContext(env, { pull_request: { number: 7, head: { sha: HEAD } } }),
    directory,
    options: { root: temp },
    deps: { clock: { now: () => 0, sleep: async () => undefined }, logger: silentLogger, env },
    io,
    api: createOctokitGithub('tok', github.url, { owner: 'acme', repo: 'jobs' }),
  };
  return { ctx, io };
}

function planned(...changes: Parameters<typeof buildChange>[0][]): PlannedTask[] {
  return changes.map((c) => ({ ...buildChange(c), task: null, fileId: null, nodeId: null, desired: null, lastApplied: null, deploy: false }));
}

async function startGithub(): Promise<FakeGithub> {
  const github = await startFakeGithub({ owner: 'acme', repo: 'jobs' });
  cleanups.push(() => github.close());
  return github;
}

describe('runPlanStep', () => {
  it('writes the plan JSON, outputs, summary and comment from the plan', async () => {
    const github = await startGithub();
    const { ctx, io } = await context(github, 'infra');
    await runPlanStep(ctx, async () => planned({ key: '1/1' }, { key: '1/2', action: 'unchanged', reason: undefined, taskContentPatch: [] }));
    expect(io.failed).toBeNull();
    expect(io.outputs).toMatchObject({ changes: '1', 'has-changes': 'true', orphaned: '0' });
    expect(io.outputs['plan-digest']).toMatch(/^[0-9a-f]{12}$/);
    expect(path.basename(io.outputs['plan-json']!)).toBe('plan-infra.json');
    expect(JSON.parse(await readFile(io.outputs['plan-json']!, 'utf8')).summary).toEqual({ create: 0, update: 1, unchanged: 1, orphaned: 0 });
    expect(io.summary).toContain('### dwsync plan for `infra`');
    expect(github.comments.map((c) => c.body.split('\n', 1)[0])).toEqual(['<!-- dwsync:plan:infra -->']);
    expect(github.comments[0]?.body).toContain(`✅ **Plan ready** for commit <code>${HEAD.slice(0, 12)}</code> · plan digest <code>${io.outputs['plan-digest']}</code>`);
  });

  it('counts drift as a change in has-changes, as --detailed-exitcode does', async () => {
    const github = await startGithub();
    const { ctx, io } = await context(github);
    await runPlanStep(ctx, async () => planned({ key: '1/1', action: 'unchanged', reason: undefined, taskContentPatch: [], drift: true }));
    expect(io.outputs).toMatchObject({ changes: '0', 'has-changes': 'true' });
  });

  it('annotates located problems relative to the workspace and fails', async () => {
    const github = await startGithub();
    const { ctx, io } = await context(github, 'infra');
    const problem = { file: 'jobs/a.yaml', line: 3, column: 5, path: 'fileId', message: 'fileId must be an integer > 0, got -1' };
    await runPlanStep(ctx, async () => {
      throw new UserInputError('1 problem(s) in task files; nothing was planned', { problems: [problem] });
    });
    expect(io.failed).toBe('1 problem(s) in task files; nothing was planned');
    expect(io.lines).toContain(
      'error: fileId must be an integer > 0, got -1 {"title":"dwsync: fileId","file":"infra/jobs/a.yaml","startLine":3,"startColumn":5}',
    );
    expect(io.outputs['plan-json']).toBeUndefined();
    expect(github.comments[0]?.body).toContain('<code>jobs/a.yaml:3:5</code> fileId must be an integer &gt; 0, got -1');
    expect(github.comments[0]?.body).toContain('❌ **Plan failed**');
  });

  it('skips the comment when comments are off or the run is not for a pull request', async () => {
    const github = await startGithub();
    const { ctx } = await context(github);
    github.requests.length = 0;
    await runPlanStep({ ...ctx, inputs: { ...ctx.inputs, comment: false } }, async () => []);
    await runPlanStep({ ...ctx, github: { ...ctx.github, pullRequestNumber: null } }, async () => []);
    expect(github.requests).toEqual([]);
  });
});
