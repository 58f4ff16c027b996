import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { RemoteError } from '../../src/errors.js';
import { BOT_EMAIL, BOT_NAME, pushStateCommit } from '../../src/github/push-state-commit.js';
import { createTempRepo, gitIn, pushFromElsewhere } from './temp-git-repo.js';
import type { TempRepo } from './temp-git-repo.js';

const STATE = '.dwsync/state.json';
let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

function optionsFor(clone: string) {
  return { root: clone, files: [STATE], branch: 'main', remote: 'origin', message: 'dwsync: state [skip ci]', maxAttempts: 3, logger: silentLogger };
}

async function originLog(origin: string) {
  return (await gitIn(origin).log(['main'])).all;
}

describe('pushStateCommit', () => {
  it('commits the state as github-actions[bot] and pushes it', async () => {
    repo = await createTempRepo({ [STATE]: '{"serial":1}\n', 'jobs/a.yaml': 'a: 1\n' });
    await writeFile(path.join(repo.clone, STATE), '{"serial":2}\n');
    await writeFile(path.join(repo.clone, 'jobs/a.yaml'), 'a: 2\n'); // not ours to commit
    const result = await pushStateCommit(optionsFor(repo.clone));
    expect(result).toMatchObject({ status: 'pushed', attempts: 1 });
    const [head] = await originLog(repo.origin);
    expect(head).toMatchObject({ message: 'dwsync: state [skip ci]', author_name: BOT_NAME, author_email: BOT_EMAIL });
    expect(result.status === 'pushed' && result.sha).toBe(head?.hash);
    const files = await gitIn(repo.origin).raw(['show', '--name-only', '--format=', 'main']);
    expect(files.trim()).toBe(STATE);
  });

  it('does nothing when the state did not change', async () => {
    repo = await createTempRepo({ [STATE]: '{"serial":1}\n' });
    expect(await pushStateCommit(optionsFor(repo.clone))).toEqual({ status: 'nothing-to-commit' });
    expect(await originLog(repo.origin)).toHaveLength(1);
  });

  it('rebases onto a branch that moved meanwhile and pushes again', async () => {
    repo = await createTempRepo({ [STATE]: '{"serial":1}\n', 'jobs/a.yaml': 'a: 1\n' });
    const theirs = await pushFromElsewhere(repo, 'colleague', { 'jobs/b.yaml': 'b: 1\n' });
    await writeFile(path.join(repo.clone, STATE), '{"serial":2}\n');
    const warnings: string[] = [];
    const result = await pushStateCommit({ ...optionsFor(repo.clone), logger: { ...silentLogger, warn: (m) => warnings.push(m) } });
    expect(result).toMatchObject({ status: 'pushed', attempts: 2 });
    expect(warnings[0]).toMatch(/refused \(attempt 1\)/);
    const log = await originLog(repo.origin);
    expect(log.map((c) => c.message)).toEqual(['dwsync: state [skip ci]', 'change from colleague', 'initial']);
    expect(log[1]?.hash).toBe(theirs);
    expect(await gitIn(repo.origin).show(['main:.dwsync/state.json'])).toBe('{"serial":2}\n');
  });

  it('fails loudly, leaving no rebase in progress, when the state conflicts', async () => {
    repo = await createTempRepo({ [STATE]: '{"serial":1}\n' });
    await pushFromElsewhere(repo, 'other-apply', { [STATE]: '{"serial":5}\n' });
    await writeFile(path.join(repo.clone, STATE), '{"serial":2}\n');
    const error = await pushStateCommit(optionsFor(repo.clone)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('GitRebaseConflict');
    expect((await gitIn(repo.clone).status()).conflicted).toEqual([]);
    expect(await readFile(path.join(repo.clone, STATE), 'utf8')).toBe('{"serial":2}\n');
    expect((await originLog(repo.origin)).map((c) => c.message)).toEqual(['change from other-apply', 'initial']);
  });

  it('gives up after the bounded number of attempts', async () => {
    repo = await createTempRepo({ [STATE]: '{"serial":1}\n' });
    await writeFile(path.join(repo.clone, STATE), '{"serial":2}\n');
    // A hook on origin that refuses every update stands in for a branch that keeps moving.
    await writeFile(path.join(repo.origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "protected" >&2\nexit 1\n', { mode: 0o755 });
    const error = await pushStateCommit(optionsFor(repo.clone)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('GitPushRejected');
    expect((error as Error).message).toContain('after 3 attempts');
  });
});
