import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGithub } from '../../src/github/octokit-github.js';
import { ACTIONS_BOT_LOGIN } from '../../src/ports.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';

const repo = { owner: 'acme', repo: 'jobs' };
const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);

describe('createOctokitGithub', () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await startFakeGithub({ ...repo, pageSize: 2, users: { ghp_personal: 'release-bot' } });
  });
  afterEach(async () => {
    await github.close();
  });

  it('readIdentity: the given author without asking; a personal token\'s login from GET /user, asked once', async () => {
    expect(await createOctokitGithub('t0ken', github.url, repo, 'someone').readIdentity()).toBe('someone');
    expect(github.requests).toEqual([]);
    const api = createOctokitGithub('ghp_personal', github.url, repo);
    expect(await Promise.all([api.readIdentity(), api.readIdentity()])).toEqual(['release-bot', 'release-bot']);
    expect(await api.readIdentity()).toBe('release-bot');
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
    expect(github.requests[0]?.headers.authorization).toBe('token ghp_personal');
  });

  it('readIdentity: an installation token that may not read /user is the Actions bot', async () => {
    expect(await createOctokitGithub('ghs_installation', github.url, repo).readIdentity()).toBe(ACTIONS_BOT_LOGIN);
  });

  it('readIdentity: any other failure is thrown, not taken for the bot', async () => {
    const api = createOctokitGithub('ghp_personal', github.url, repo);
    await github.close();
    await expect(api.readIdentity()).rejects.toThrow();
    github = await startFakeGithub({ ...repo });
  });

  it('readIdentity: a failed lookup is asked again the next time, not remembered', async () => {
    let asked = 0;
    const server = createServer((_req, res) => {
      asked += 1;
      res.writeHead(asked === 1 ? 502 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(asked === 1 ? { message: 'Bad Gateway' } : { login: 'release-bot' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const api = createOctokitGithub('ghp_personal', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, repo);
      await expect(api.readIdentity()).rejects.toThrow();
      expect(await api.readIdentity()).toBe('release-bot');
      expect(asked).toBe(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('readPullHead and listPullsOfCommit read the pull requests of this repository', async () => {
    github.setPull({ number: 5, headSha: HEAD, state: 'closed', mergeCommitSha: MERGE });
    github.setPull({ number: 6, headSha: MERGE, state: 'open', mergeCommitSha: null });
    const api = createOctokitGithub('t0ken', github.url, repo);
    expect(await api.readPullHead(5)).toBe(HEAD);
    expect(await api.listPullsOfCommit(MERGE)).toEqual([
      { number: 5, htmlUrl: 'https://github.test/acme/jobs/pull/5', mergeCommitSha: MERGE, state: 'closed' },
      { number: 6, htmlUrl: 'https://github.test/acme/jobs/pull/6', mergeCommitSha: null, state: 'open' },
    ]);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/acme/jobs/pulls/5', `GET /repos/acme/jobs/commits/${MERGE}/pulls`]);
    await expect(api.readPullHead(99)).rejects.toMatchObject({ status: 404 });
  });

  it('comments: lists every page of one issue\'s comments, creates and updates', async () => {
    for (let i = 0; i < 5; i++) github.seedComment(7, `c${i}`, i === 0 ? 'alice' : 'bob');
    github.seedComment(8, 'other issue');
    const port = createOctokitGithub('t0ken', github.url, repo).comments(7);

    const listed = await port.listComments();
    expect(listed.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(listed[0]).toEqual({ id: 1000, body: 'c0', html_url: 'https://github.test/acme/jobs/pull/7#issuecomment-1000', user: { login: 'alice' } });
    expect(github.requests.filter((r) => r.path.startsWith('/repos/acme/jobs/issues/7/comments')).map((r) => r.path)).toEqual([
      '/repos/acme/jobs/issues/7/comments?per_page=100',
      '/repos/acme/jobs/issues/7/comments?per_page=2&page=2',
      '/repos/acme/jobs/issues/7/comments?per_page=2&page=3',
    ]);

    const created = await port.createComment('hello');
    expect(created).toMatchObject({ body: 'hello', user: { login: ACTIONS_BOT_LOGIN } });
    await port.updateComment(created.id, 'hello again');
    expect(github.comments.find((c) => c.id === created.id)).toMatchObject({ issue: 7, body: 'hello again' });
    expect(github.requests.slice(-2).map((r) => [r.method, r.path, JSON.parse(r.body) as unknown])).toEqual([
      ['POST', '/repos/acme/jobs/issues/7/comments', { body: 'hello' }],
      ['PATCH', `/repos/acme/jobs/issues/comments/${created.id}`, { body: 'hello again' }],
    ]);
  });
});
