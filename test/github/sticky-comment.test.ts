import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitComments } from '../../src/github/octokit-comments.js';
import { findStickyComment, formatCommentMarker, normalizeDirectory, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';

describe('formatCommentMarker', () => {
  it('is the bare marker for the root and names any other working directory', () => {
    expect(formatCommentMarker('.')).toBe('<!-- dwsync:plan -->');
    expect(formatCommentMarker('./')).toBe('<!-- dwsync:plan -->');
    expect(formatCommentMarker('infra/dw/')).toBe('<!-- dwsync:plan:infra/dw -->');
    expect(formatCommentMarker('a--b')).not.toContain('a--b');
    expect(normalizeDirectory('.\\x\\y')).toBe('x/y');
  });

  it('finds a comment only by the marker on its first line', () => {
    const marker = formatCommentMarker('.');
    const comments = [
      { id: 1, body: `> ${marker}\n> quoted by a reviewer` },
      { id: 2, body: `${formatCommentMarker('infra')}\nother directory` },
      { id: 3, body: `${marker}\nours` },
    ];
    expect(findStickyComment(comments, marker)?.id).toBe(3);
    expect(findStickyComment(comments.slice(0, 2), marker)).toBeUndefined();
  });
});

describe('upsertStickyComment over the GitHub REST API', () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await startFakeGithub({ owner: 'acme', repo: 'jobs', pageSize: 2 });
  });
  afterEach(async () => {
    await github.close();
  });

  it('creates one comment, then edits it in place, finding it on a later page', async () => {
    for (let i = 0; i < 5; i++) github.seedComment(7, `chatter ${i}`);
    const port = createOctokitComments('t0ken', github.url, { owner: 'acme', repo: 'jobs', issueNumber: 7 });
    const marker = formatCommentMarker('.');
    const first = await upsertStickyComment(port, marker, 'plan one');
    expect(first.action).toBe('created');
    for (let i = 5; i < 8; i++) github.seedComment(7, `chatter ${i}`);
    const second = await upsertStickyComment(port, marker, 'plan two');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const ours = github.comments.filter((c) => c.body.startsWith(marker));
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toBe(`${marker}\nplan two`);
    // Eight chatter comments plus ours, two per page: the list was followed to its last page.
    expect(github.requests.filter((r) => r.method === 'GET' && r.path.includes('page=5'))).toHaveLength(1);
    const third = await upsertStickyComment(port, marker, 'plan two');
    expect(third.action).toBe('unchanged');
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('keeps one comment per working directory', async () => {
    const port = createOctokitComments('t0ken', github.url, { owner: 'acme', repo: 'jobs', issueNumber: 3 });
    await upsertStickyComment(port, formatCommentMarker('.'), 'root');
    await upsertStickyComment(port, formatCommentMarker('infra'), 'infra');
    await upsertStickyComment(port, formatCommentMarker('infra'), 'infra again');
    expect(github.comments.map((c) => c.body)).toEqual([
      '<!-- dwsync:plan -->\nroot',
      '<!-- dwsync:plan:infra -->\ninfra again',
    ]);
  });
});
