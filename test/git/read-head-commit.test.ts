import { simpleGit } from 'simple-git';
import { afterEach, expect, it } from 'vitest';
import { readHeadCommit } from '../../src/git/read-head-commit.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-head-');
const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await repo.remove();
});

it('is null outside a repository', async () => {
  expect(await readHeadCommit(await tempDir())).toBeNull();
});

it('is null before the first commit, then the commit HEAD points at', async () => {
  const repo = await createTempRepo({ 'a.txt': 'a\n' });
  repos.push(repo);
  expect(await readHeadCommit(repo.dir)).toBeNull();
  const first = await repo.commit('first');
  expect(await readHeadCommit(repo.dir)).toBe(first);
  await repo.write('a.txt', 'b\n');
  const second = await repo.commit('second');
  expect(await readHeadCommit(repo.dir)).toBe(second);
  expect(second).toMatch(/^[0-9a-f]{40}$/);
  expect(second).not.toBe(first);
});

it('follows a detached HEAD', async () => {
  const repo = await createTempRepo({ 'a.txt': 'a\n' });
  repos.push(repo);
  const first = await repo.commit('first');
  await repo.write('a.txt', 'b\n');
  await repo.commit('second');
  await simpleGit({ baseDir: repo.dir }).checkout(first);
  expect(await readHeadCommit(repo.dir)).toBe(first);
});
