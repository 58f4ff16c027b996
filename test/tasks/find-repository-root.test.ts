import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { findRepositoryRoot } from '../../src/tasks/find-repository-root.js';
import { createTempRepo } from '../support/temp-repo.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-root-');


test('finds dwsync.yaml in the start folder', async () => {
  const root = await tempDir();
  await writeFile(path.join(root, 'dwsync.yaml'), '');
  expect(await findRepositoryRoot(root)).toEqual({ root, foundBy: 'dwsync.yaml' });
});

test('walks up to the nearest dwsync.yaml inside the repository', async () => {
  const root = await tempDir();
  await mkdir(path.join(root, '.git'));
  await mkdir(path.join(root, 'sub/jobs/ods'), { recursive: true });
  await writeFile(path.join(root, 'sub/dwsync.yaml'), '');
  expect(await findRepositoryRoot(path.join(root, 'sub/jobs/ods'))).toEqual({ root: path.join(root, 'sub'), foundBy: 'dwsync.yaml' });
});

test('stops at the git top level without crossing it', async () => {
  const root = await tempDir();
  await writeFile(path.join(root, 'dwsync.yaml'), '');
  await mkdir(path.join(root, 'inner/.git'), { recursive: true });
  await mkdir(path.join(root, 'inner/jobs'));
  expect(await findRepositoryRoot(path.join(root, 'inner/jobs'))).toEqual({ root: path.join(root, 'inner'), foundBy: 'git' });
});

test('takes a .git file (a worktree or submodule) as the top level too', async () => {
  const root = await tempDir();
  await writeFile(path.join(root, '.git'), 'gitdir: /elsewhere\n');
  await mkdir(path.join(root, 'a'));
  expect(await findRepositoryRoot(path.join(root, 'a'))).toEqual({ root, foundBy: 'git' });
});

test('prefers dwsync.yaml to .git in the same folder, and ignores a folder named dwsync.yaml', async () => {
  const root = await tempDir();
  await mkdir(path.join(root, '.git'));
  await writeFile(path.join(root, 'dwsync.yaml'), '');
  expect(await findRepositoryRoot(root)).toEqual({ root, foundBy: 'dwsync.yaml' });
  await mkdir(path.join(root, 'sub/dwsync.yaml'), { recursive: true });
  expect(await findRepositoryRoot(path.join(root, 'sub'))).toEqual({ root, foundBy: 'dwsync.yaml' });
});

test('finds a real repository’s top level from a file path inside it', async () => {
  const repo = await createTempRepo({ 'jobs/a.yaml': 'x: 1\n' });
  try {
    expect(await findRepositoryRoot(path.join(repo.dir, 'jobs/a.yaml'))).toEqual({ root: repo.dir, foundBy: 'git' });
  } finally {
    await repo.remove();
  }
});

test('outside any repository, the start folder is the root, resolved', async () => {
  const root = await tempDir();
  await mkdir(path.join(root, 'a/b'), { recursive: true });
  const relative = path.relative(process.cwd(), path.join(root, 'a/b'));
  expect(await findRepositoryRoot(relative)).toEqual({ root: path.join(root, 'a/b'), foundBy: 'start' });
});
