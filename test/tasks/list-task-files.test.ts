import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listTaskFiles } from '../../src/tasks/list-task-files.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-list-');

async function folderWith(files: string[]): Promise<string> {
  const root = await tempDir();
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), 'x: 1\n');
  }
  return root;
}

const at = (file: string, message: string) => ({ file, line: 1, column: 1, path: '', message });

test('lists .yaml and .yml files in any case, at any depth, sorted by code unit', async () => {
  const root = await folderWith(['jobs/b.yml', 'jobs/a/Z.YAML', 'jobs/a/y.Yml', 'jobs/B.yaml', 'jobs/c.yaml.bak', 'jobs/d.json', 'jobs/yaml', 'outside.yaml']);
  expect(await listTaskFiles(root, 'jobs')).toEqual({ files: ['jobs/B.yaml', 'jobs/a/Z.YAML', 'jobs/a/y.Yml', 'jobs/b.yml'], problems: [] });
});

test('gives an empty list for an empty folder, and takes a nested jobs path', async () => {
  const root = await folderWith(['config/jobs/a.yaml']);
  await mkdir(path.join(root, 'empty'));
  expect(await listTaskFiles(root, 'empty')).toEqual({ files: [], problems: [] });
  expect(await listTaskFiles(root, 'config/jobs')).toEqual({ files: ['config/jobs/a.yaml'], problems: [] });
});

test('refuses a jobs path that is a file', async () => {
  const root = await folderWith(['jobs']);
  expect(await listTaskFiles(root, 'jobs')).toEqual({ files: [], problems: [at('jobs', 'the jobs folder jobs is not a folder: expected a folder of task files')] });
});

test('follows links to files and folders, under the link’s own path', async () => {
  const root = await folderWith(['jobs/a.yaml', 'shared/s.yaml', 'shared/deep/t.yml', 'real.yaml']);
  await symlink(path.join(root, 'shared'), path.join(root, 'jobs/shared'));
  await symlink(path.join(root, 'real.yaml'), path.join(root, 'jobs/linked.yaml'));
  await symlink(path.join(root, 'real.yaml'), path.join(root, 'jobs/linked.txt'));
  expect(await listTaskFiles(root, 'jobs')).toEqual({ files: ['jobs/a.yaml', 'jobs/linked.yaml', 'jobs/shared/deep/t.yml', 'jobs/shared/s.yaml'], problems: [] });
});

test('walks a folder reached by two links once', async () => {
  const root = await folderWith(['shared/s.yaml']);
  await mkdir(path.join(root, 'jobs'));
  await symlink(path.join(root, 'shared'), path.join(root, 'jobs/one'));
  await symlink(path.join(root, 'shared'), path.join(root, 'jobs/two'));
  expect(await listTaskFiles(root, 'jobs')).toEqual({ files: ['jobs/one/s.yaml'], problems: [] });
});

test('reports a link back to a folder that contains it, and does not walk it', async () => {
  const root = await folderWith(['jobs/a/x.yaml']);
  await symlink('..', path.join(root, 'jobs/a/up'));
  await symlink('.', path.join(root, 'jobs/a/here'));
  const { files, problems } = await listTaskFiles(root, 'jobs');
  expect(files).toEqual(['jobs/a/x.yaml']);
  // In the order the folder lists them, which the file system decides.
  expect(problems.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual([
    at('jobs/a/here', 'symlink loop: this link points back to jobs/a, a folder that contains it'),
    at('jobs/a/up', 'symlink loop: this link points back to jobs, a folder that contains it'),
  ]);
});

test('reports a loop back through a linked jobs folder by the path under the jobs folder', async () => {
  const root = await folderWith(['store/tasks/x.yaml']);
  await symlink(path.join(root, 'store/tasks'), path.join(root, 'jobs'));
  await symlink('..', path.join(root, 'store/tasks/up'));
  const { files, problems } = await listTaskFiles(root, 'jobs');
  expect(files).toEqual(['jobs/x.yaml']);
  expect(problems).toEqual([at('jobs/up', 'symlink loop: this link points back to store, a folder that contains it')]);
});

test('reports a link that resolves to itself, and a broken link with a task file name', async () => {
  const root = await folderWith(['jobs/a.yaml']);
  await symlink('self', path.join(root, 'jobs/self'));
  await symlink('missing.yaml', path.join(root, 'jobs/broken.yaml'));
  await symlink('missing', path.join(root, 'jobs/broken-other'));
  const { files, problems } = await listTaskFiles(root, 'jobs');
  expect(files).toEqual(['jobs/a.yaml']);
  expect(problems.sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual([
    at('jobs/broken.yaml', 'broken symlink: its target cannot be read (ENOENT)'),
    at('jobs/self', 'symlink loop: this link resolves to itself through other links'),
  ]);
});
