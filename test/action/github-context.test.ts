import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGithubContext, readGithubContext } from '../../src/action/github-context.js';
import { UserInputError } from '../../src/errors.js';
import { useTempDir } from '../support/temp-dir.js';

// What the runner tells the Action about its run, from the environment and the event payload.

const tempDir = useTempDir('dwsync-context-');

const ENV = {
  GITHUB_REPOSITORY: 'acme/jobs',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://ghe.example',
  GITHUB_API_URL: 'https://ghe.example/api/v3',
  GITHUB_RUN_ID: '77',
  GITHUB_WORKSPACE: '/runner/work/jobs/jobs',
  RUNNER_TEMP: '/runner/_temp',
};

const pullRequest = (head: string, base: string) => ({
  pull_request: { number: 12, head: { sha: 'h'.repeat(40), repo: { full_name: head } }, base: { repo: { full_name: base } } },
  repository: { default_branch: 'trunk' },
});

describe('parseGithubContext', () => {
  it('reads a push run', () => {
    expect(parseGithubContext(ENV, { repository: { default_branch: 'main' } })).toEqual({
      eventName: 'push',
      owner: 'acme',
      repo: 'jobs',
      pullRequestNumber: null,
      pullHeadSha: null,
      fromFork: false,
      sha: 'c'.repeat(40),
      branch: 'main',
      defaultBranch: 'main',
      apiUrl: 'https://ghe.example/api/v3',
      runUrl: 'https://ghe.example/acme/jobs/actions/runs/77',
      workspace: '/runner/work/jobs/jobs',
      runnerTemp: '/runner/_temp',
    });
  });

  it('reads a pull request: its number and head, and whether the head is a fork', () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/12/merge' };
    const same = parseGithubContext(env, pullRequest('acme/jobs', 'acme/jobs'));
    expect(same).toMatchObject({ pullRequestNumber: 12, pullHeadSha: 'h'.repeat(40), fromFork: false, branch: null, defaultBranch: 'trunk' });
    expect(parseGithubContext(env, pullRequest('someone/jobs', 'acme/jobs')).fromFork).toBe(true);
  });

  it('keeps only the branch of a refs/heads ref, with its slashes', () => {
    expect(parseGithubContext({ ...ENV, GITHUB_REF: 'refs/heads/release/2026' }, {}).branch).toBe('release/2026');
    expect(parseGithubContext({ ...ENV, GITHUB_REF: 'refs/tags/v1' }, {}).branch).toBeNull();
    expect(parseGithubContext({ ...ENV, GITHUB_REF: undefined }, {}).branch).toBeNull();
  });

  it('falls back to github.com, no run link, and a _temp beside the workspace', () => {
    const context = parseGithubContext({ GITHUB_REPOSITORY: 'acme/jobs', GITHUB_WORKSPACE: '/w/jobs' }, null);
    expect(context).toMatchObject({
      eventName: '',
      sha: '',
      apiUrl: 'https://api.github.com',
      runUrl: null,
      workspace: '/w/jobs',
      runnerTemp: path.join('/w', '_temp'),
      defaultBranch: null,
    });
    expect(parseGithubContext({ GITHUB_REPOSITORY: 'acme/jobs', GITHUB_RUN_ID: '5' }, {}).runUrl).toBe('https://github.com/acme/jobs/actions/runs/5');
  });

  it('ignores payload fields of the wrong type', () => {
    const payload = { pull_request: { number: '12', head: { sha: 5 } }, repository: { default_branch: 1 } };
    expect(parseGithubContext(ENV, payload)).toMatchObject({ pullRequestNumber: null, pullHeadSha: null, defaultBranch: null });
    expect(parseGithubContext(ENV, [1, 2])).toMatchObject({ pullRequestNumber: null, fromFork: false });
  });

  it('refuses a GITHUB_REPOSITORY that is not OWNER/REPO', () => {
    for (const repository of [undefined, '', 'acme', 'acme/', '/jobs']) {
      expect(() => parseGithubContext({ ...ENV, GITHUB_REPOSITORY: repository }, {})).toThrow(
        new UserInputError('GITHUB_REPOSITORY must be set as OWNER/REPO'),
      );
    }
  });
});

describe('readGithubContext', () => {
  it('reads the event payload from GITHUB_EVENT_PATH, and goes without one', async () => {
    const dir = await tempDir();
    const eventPath = path.join(dir, 'event.json');
    await writeFile(eventPath, JSON.stringify(pullRequest('acme/jobs', 'acme/jobs')));
    expect(await readGithubContext({ ...ENV, GITHUB_EVENT_PATH: eventPath })).toMatchObject({ pullRequestNumber: 12, defaultBranch: 'trunk' });
    expect(await readGithubContext(ENV)).toMatchObject({ pullRequestNumber: null, defaultBranch: null });
  });
});
