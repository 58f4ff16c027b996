import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { commitStateBack, parsePostState, POST_STATE, pushOrKeepState, savePostState, type PostState } from '../../src/action/commit-state-back.js';
import { parseGithubContext } from '../../src/action/github-context.js';
import type { StepContext } from '../../src/action/step-context.js';
import { formatState } from '../../src/core/state/format-state.js';
import { UserInputError } from '../../src/errors.js';
import { silentLogger } from '../../src/ports.js';
import { parseStateText } from '../support/read-state-file.js';
import { recordActions } from '../support/record-actions.js';
import { aState, anAppliedRecord } from '../support/state-builders.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTempOrigin, gitIn, writeFiles, type TempOrigin } from '../support/temp-origin.js';

// Bringing the state back to the branch after an apply: a commit on origin, or, when origin refuses,
// a copy under RUNNER_TEMP (uploaded as an artifact on a runner: run-post-step.test.ts and the bundled
// tests show that); and the note the post step reads.

const STATE = '.dwsync/state.json';
const APPLIED = 'a1b2c3d4e5f6'.padEnd(40, '0');
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ repo: TempOrigin; temp: string; post: PostState; stateText: string }> {
  const repo = await createTempOrigin({ 'jobs/.keep': '' });
  cleanups.push(() => repo.cleanup());
  const { dir: temp, remove } = await makeTempDir('dwsync-commit-back-');
  cleanups.push(remove);
  const stateText = formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 1));
  await writeFiles(repo.clone, { [STATE]: stateText });
  const post = { root: repo.clone, statePath: path.join(repo.clone, STATE), branch: 'main', sha: APPLIED, directory: 'infra/dw', finished: false };
  return { repo, temp, post, stateText };
}

async function refusePushes(repo: TempOrigin): Promise<void> {
  const hook = path.join(repo.origin, 'hooks', 'pre-receive');
  await writeFile(hook, '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
  await chmod(hook, 0o755);
}

describe('savePostState and parsePostState', () => {
  it('save under dwsync-apply what parse reads back; anything unreadable is no note at all', () => {
    const io = recordActions();
    const post = { root: '/r', statePath: '/r/s.json', branch: 'main', sha: APPLIED, directory: '.', finished: true };
    savePostState(io, post);
    expect(POST_STATE).toBe('dwsync-apply');
    expect(parsePostState(io.saved['dwsync-apply'])).toEqual(post);
    for (const text of [undefined, '', '{not json']) expect(parsePostState(text)).toBeNull();
  });
});

describe('pushOrKeepState', () => {
  it('commits the state with the apply message and pushes it to the branch', async () => {
    const { repo, temp, post, stateText } = await setup();
    const io = recordActions();
    const result = await pushOrKeepState({ io, logger: silentLogger, runnerTemp: temp, artifacts: null }, post);
    const tip = (await gitIn(repo.origin).revparse(['main'])).trim();
    expect(result).toEqual({ sha: tip, kept: null, error: null });
    expect(parseStateText(await gitIn(repo.origin).show([`main:${STATE}`])).tasks).toEqual(parseStateText(stateText).tasks);
    expect((await gitIn(repo.origin).raw(['log', '-1', '--format=%B', 'main'])).trim()).toBe(
      `dwsync: record the state after applying a1b2c3d4e5f6 [skip ci]\n\nApplied commit: ${APPLIED}`,
    );
    expect(io.lines).toEqual([`info: state committed as ${tip} and pushed to main (attempt 1)`]);
  });

  it('says so and commits nothing when the state is what the branch has', async () => {
    const { repo, temp, post } = await setup();
    await gitIn(repo.clone).add('.').commit('state').push('origin', 'main');
    const before = (await gitIn(repo.origin).revparse(['main'])).trim();
    const io = recordActions();
    expect(await pushOrKeepState({ io, logger: silentLogger, runnerTemp: temp, artifacts: null }, post)).toEqual({ sha: null, kept: null, error: null });
    expect(io.lines).toEqual(['info: the state file did not change: nothing to commit']);
    expect((await gitIn(repo.origin).revparse(['main'])).trim()).toBe(before);
  });

  it('keeps the state under RUNNER_TEMP, named for its directory, when origin refuses the push', async () => {
    const { repo, temp, post, stateText } = await setup();
    await refusePushes(repo);
    const result = await pushOrKeepState({ io: recordActions(), logger: silentLogger, runnerTemp: temp, artifacts: null }, post);
    expect(result.sha).toBeNull();
    expect(result.kept?.path).toBe(path.join(temp, 'dwsync', 'state-infra_dw-f12a52cd.json'));
    expect(result.kept?.artifact).toBeNull();
    // A copy of the state file as the attempts left it, with every record.
    expect(await readFile(result.kept!.path, 'utf8')).toBe(await readFile(post.statePath, 'utf8'));
    expect(parseStateText(await readFile(result.kept!.path, 'utf8')).tasks).toEqual(parseStateText(stateText).tasks);
    expect(result.error).toBeInstanceOf(Error);
  });
});

describe('commitStateBack', () => {
  async function context(temp: string, root: string) {
    const env = { GITHUB_REPOSITORY: 'acme/jobs', GITHUB_SHA: APPLIED, RUNNER_TEMP: temp, GITHUB_WORKSPACE: root };
    const io = recordActions();
    const ctx: StepContext = {
      inputs: parseActionInputs({}),
      github: parseGithubContext(env, {}),
      directory: 'infra/dw',
      options: { root },
      deps: { clock: { now: () => 0, sleep: async () => undefined }, logger: silentLogger, env: {} },
      io,
      api: null,
    };
    return { ctx, io };
  }

  it('sets the state-commit output and notes for the post step that the run finished', async () => {
    const { repo, temp, post } = await setup();
    const { ctx, io } = await context(temp, repo.clone);
    const { finished: _finished, ...rest } = post;
    await commitStateBack(ctx, rest);
    expect(io.outputs).toEqual({ 'state-commit': (await gitIn(repo.origin).revparse(['main'])).trim() });
    expect(parsePostState(io.saved['dwsync-apply'])).toEqual({ ...rest, finished: true });
  });

  it('when origin refuses, sets the state-artifact output, says in the summary where the state is, and fails saying it too', async () => {
    const { repo, temp, post } = await setup();
    await refusePushes(repo);
    const { ctx, io } = await context(temp, repo.clone);
    const { finished: _finished, ...rest } = post;
    const error = await commitStateBack(ctx, rest).catch((e: unknown) => e);
    const artifact = path.join(temp, 'dwsync', 'state-infra_dw-f12a52cd.json');
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^DataWorks was updated but the state file could not be pushed to main; it is kept at ${artifact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on the runner, not uploaded as an artifact \\(no artifact service: .*\\): upload it with an actions/upload-artifact step \\(output state-artifact\\) and commit it by hand \\(push: .+\\)$`,
      ),
    );
    expect(io.summary).toMatch(/^### dwsync apply: the state file\n\n❌ \*\*State not pushed to main\.\*\* Kept at <code>.*state-infra_dw-f12a52cd\.json<\/code> on the runner/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(io.outputs).toEqual({ 'state-artifact': artifact });
    expect(parsePostState(io.saved['dwsync-apply'])?.finished).toBe(true);
  });
});
