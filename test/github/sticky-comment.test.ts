import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGithub } from '../../src/github/octokit-github.js';
import { findStickyComment, formatCommentMarker, normalizeDirectory, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';

const BOT = 'github-actions[bot]';

describe('formatCommentMarker', () => {
  it('is the bare marker for the root and names any other working directory', () => {
    expect(formatCommentMarker('.')).toBe('<!-- dwsync:plan -->');
    expect(formatCommentMarker('./')).toBe('<!-- dwsync:plan -->');
    expect(formatCommentMarker('infra/dw/')).toBe('<!-- dwsync:plan:infra/dw -->');
    expect(formatCommentMarker('.', 'apply')).toBe('<!-- dwsync:apply -->');
    expect(formatCommentMarker('a--b')).not.toContain('a--b');
    expect(normalizeDirectory('.\\x\\y')).toBe('x/y');
  });

  it('finds a comment only by the marker on its first line, written by the given author', () => {
    const marker = formatCommentMarker('.');
    const bot = { login: BOT };
    const comments = [
      { id: 1, body: `> ${marker}\n> quoted by a reviewer`, user: bot },
      { id: 2, body: `${formatCommentMarker('infra')}\nother directory`, user: bot },
      { id: 3, body: `${marker}\nplanted by someone else`, user: { login: 'mallory' } },
      { id: 4, body: `${marker}\nours`, user: bot },
    ];
    expect(findStickyComment(comments, marker, BOT)?.id).toBe(4);
    expect(findStickyComment(comments.slice(0, 3), marker, BOT)).toBeUndefined();
    expect(findStickyComment(comments, marker, 'mallory')?.id).toBe(3);
  });
});

describe('upsertStickyComment over the GitHub REST API', () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await startFakeGithub({ owner: 'acme', repo: 'jobs', pageSize: 2, users: { 'ghp_personal': 'release-bot' } });
  });
  afterEach(async () => {
    await github.close();
  });

  it('creates one comment, then edits it in place, finding it on a later page', async () => {
    for (let i = 0; i < 5; i++) github.seedComment(7, `chatter ${i}`);
    const api = createOctokitGithub('t0ken', github.url, { owner: 'acme', repo: 'jobs' });
    const identity = await api.readIdentity();
    expect(identity).toBe(BOT);
    const port = api.comments(7);
    const marker = formatCommentMarker('.');
    const first = await upsertStickyComment(port, marker, 'plan one', identity);
    expect(first.action).toBe('created');
    for (let i = 5; i < 8; i++) github.seedComment(7, `chatter ${i}`);
    const second = await upsertStickyComment(port, marker, 'plan two', identity);
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const ours = github.comments.filter((c) => c.body.startsWith(marker));
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toBe(`${marker}\nplan two`);
    // Eight chatter comments plus ours, two per page: the list was followed to its last page.
    expect(github.requests.filter((r) => r.method === 'GET' && r.path.includes('page=5'))).toHaveLength(1);
    const third = await upsertStickyComment(port, marker, 'plan two', identity);
    expect(third.action).toBe('unchanged');
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('learns a personal token\'s identity from GET /user', async () => {
    expect(await createOctokitGithub('ghp_personal', github.url, { owner: 'acme', repo: 'jobs' }).readIdentity()).toBe('release-bot');
  });

  it('keeps one comment per working directory', async () => {
    const port = createOctokitGithub('t0ken', github.url, { owner: 'acme', repo: 'jobs' }).comments(3);
    await upsertStickyComment(port, formatCommentMarker('.'), 'root', BOT);
    await upsertStickyComment(port, formatCommentMarker('infra'), 'infra', BOT);
    await upsertStickyComment(port, formatCommentMarker('infra'), 'infra again', BOT);
    expect(github.comments.map((c) => c.body)).toEqual(['<!-- dwsync:plan -->\nroot', '<!-- dwsync:plan:infra -->\ninfra again']);
  });
});
