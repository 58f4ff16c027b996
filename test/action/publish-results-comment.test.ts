import { afterEach, describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { parseGithubContext } from '../../src/action/github-context.js';
import { publishResultsComment } from '../../src/action/publish-results-comment.js';
import type { StepContext } from '../../src/action/step-context.js';
import { createOctokitGithub } from '../../src/github/octokit-github.js';
import { silentLogger } from '../../src/ports.js';
import { startFakeGithub, type FakeGithub, type FakeGithubOptions } from '../support/fake-github.js';
import { recordActions } from '../support/record-actions.js';

// After an apply on merge, one results comment on the pull request the applied commit came from.

const SHA = 'c'.repeat(40);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Partial<FakeGithubOptions> = {}, directory = '.') {
  const github = await startFakeGithub({ owner: 'acme', repo: 'jobs', ...options });
  cleanups.push(() => github.close());
  const env = { GITHUB_REPOSITORY: 'acme/jobs', GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' };
  const io = recordActions();
  const ctx: StepContext = {
    inputs: parseActionInputs({}),
    github: parseGithubContext(env, {}),
    directory,
    options: { root: '/unused' },
    deps: { clock: { now: () => 0, sleep: async () => undefined }, logger: silentLogger, env: {} },
    io,
    api: createOctokitGithub('tok', github.url, { owner: 'acme', repo: 'jobs' }),
  };
  return { github, io, ctx };
}

const commentRequests = (github: FakeGithub) => github.requests.filter((r) => r.path.includes('/comments'));

describe('publishResultsComment', () => {
  it('comments on the pull request merged as the commit, before one that merely has it as its head', async () => {
    const { github, io, ctx } = await setup();
    github.setPull({ number: 5, headSha: SHA, state: 'open', mergeCommitSha: null });
    github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: SHA });
    await publishResultsComment(ctx, 'all applied');
    expect(github.comments.map((c) => [c.issue, c.body])).toEqual([[12, '<!-- dwsync:apply -->\nall applied']]);
    const url = github.comments[0]!.html_url;
    expect(io.outputs).toEqual({ 'results-comment-url': url });
    expect(io.lines).toEqual([`info: results comment created on #12: ${url}`]);
  });

  it('falls back to the first pull request listed, and updates its comment in place on the next run', async () => {
    const { github, io, ctx } = await setup({}, 'infra');
    github.setPull({ number: 5, headSha: SHA, state: 'open', mergeCommitSha: null });
    await publishResultsComment(ctx, 'first');
    await publishResultsComment(ctx, 'second');
    expect(github.comments.map((c) => [c.issue, c.body])).toEqual([[5, '<!-- dwsync:apply:infra -->\nsecond']]);
    expect(io.lines.at(-1)).toMatch(/^info: results comment updated on #5: /);
  });

  it('says so when no pull request is associated with the commit', async () => {
    const { github, io, ctx } = await setup();
    await publishResultsComment(ctx, 'x');
    expect(io.lines).toEqual(['info: no pull request is associated with cccccccccccc: the results are in the job summary only']);
    expect(commentRequests(github)).toEqual([]);
  });

  it('warns, and does not fail the step, when GitHub refuses the comment', async () => {
    const { github, io, ctx } = await setup({ readOnly: true });
    github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: SHA });
    await expect(publishResultsComment(ctx, 'x')).resolves.toBeUndefined();
    expect(io.lines.filter((l) => l.startsWith('warning:'))).toEqual([expect.stringMatching(/^warning: could not write the results comment: .*Resource not accessible by integration/)]);
    expect(io.failed).toBeNull();
    expect(github.comments).toEqual([]);
  });

  it('sends nothing with comments off, without a token, or without a commit', async () => {
    const { github, ctx } = await setup();
    github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: SHA });
    await publishResultsComment({ ...ctx, inputs: { ...ctx.inputs, comment: false } }, 'x');
    await publishResultsComment({ ...ctx, api: null }, 'x');
    await publishResultsComment({ ...ctx, github: { ...ctx.github, sha: '' } }, 'x');
    expect(github.requests).toEqual([]);
  });
});
