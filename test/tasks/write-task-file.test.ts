import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeTaskFile } from '../../src/tasks/write-task-file.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-write-');

test('creates the file and its folders', async () => {
  const root = await tempDir();
  const file = path.join(root, 'jobs/ods/deep/a.yaml');
  expect(await writeTaskFile(file, 'projectId: 1\n', { overwrite: false })).toBe('written');
  expect(await readFile(file, 'utf8')).toBe('projectId: 1\n');
});

test('without overwrite, leaves an existing file as it was', async () => {
  const root = await tempDir();
  const file = path.join(root, 'a.yaml');
  await writeFile(file, 'mine\n');
  expect(await writeTaskFile(file, 'theirs\n', { overwrite: false })).toBe('exists');
  expect(await readFile(file, 'utf8')).toBe('mine\n');
});

test('without overwrite, does not write through a link, even a dangling one', async () => {
  const root = await tempDir();
  const file = path.join(root, 'a.yaml');
  await symlink(path.join(root, 'target.yaml'), file);
  expect(await writeTaskFile(file, 'x\n', { overwrite: false })).toBe('exists');
  expect(await readdir(root)).toEqual(['a.yaml']);
});

test('with overwrite, replaces the file and leaves no temporary file', async () => {
  const root = await tempDir();
  const file = path.join(root, 'a.yaml');
  await writeFile(file, 'old\n');
  expect(await writeTaskFile(file, 'new\n', { overwrite: true })).toBe('written');
  expect(await readFile(file, 'utf8')).toBe('new\n');
  expect(await readdir(root)).toEqual(['a.yaml']);
});

test('with overwrite, creates a file that does not exist yet', async () => {
  const root = await tempDir();
  const file = path.join(root, 'jobs/a.yaml');
  expect(await writeTaskFile(file, 'new\n', { overwrite: true })).toBe('written');
  expect(await readdir(path.join(root, 'jobs'))).toEqual(['a.yaml']);
});

test('with overwrite, a failed replace throws and removes its temporary file', async () => {
  const root = await tempDir();
  const file = path.join(root, 'a.yaml');
  await mkdir(file); // a folder where the file should go: the rename fails
  await writeFile(path.join(file, 'inside'), 'kept\n');
  await expect(writeTaskFile(file, 'new\n', { overwrite: true })).rejects.toMatchObject({ code: 'EISDIR' });
  expect(await readdir(root)).toEqual(['a.yaml']);
  expect(await readFile(path.join(file, 'inside'), 'utf8')).toBe('kept\n');
});

test('throws when the folder cannot be made', async () => {
  const root = await tempDir();
  await writeFile(path.join(root, 'jobs'), 'a file\n');
  await expect(writeTaskFile(path.join(root, 'jobs/a.yaml'), 'x\n', { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
});
