import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readTaskFiles } from '../../src/tasks/read-task-files.js';
import { readTaskText } from '../../src/tasks/read-task-text.js';
import { UserInputError } from '../../src/errors.js';
import { validTaskYaml, withLine } from '../support/task-builders.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-tasks-');
let root = '';

async function repoWith(files: Record<string, string>): Promise<string> {
  root = await tempDir();
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const task = (fileId: number) => withLine(validTaskYaml, 'fileId: 1000001', `fileId: ${fileId}`);

test('reads every .yaml/.yml below the jobs folder, sorted, and nothing else', async () => {
  await repoWith({ 'jobs/b.yml': task(2), 'jobs/a/z.yaml': task(1), 'jobs/notes.md': '# x', 'jobs/dwsync-task.schema.json': '{}', 'other/c.yaml': 'x: 1' });
  const { files, tasks, problems } = await readTaskFiles({ root, jobs: 'jobs' });
  expect(problems).toEqual([]);
  expect(files).toEqual(['jobs/a/z.yaml', 'jobs/b.yml']);
  expect(tasks.map((t) => t.key)).toEqual(['10000/1', '10000/2']);
});

test('--only limits the files; a pattern outside the jobs folder is a usage error', async () => {
  await repoWith({ 'jobs/ods/a.yaml': task(1), 'jobs/dws/b.yaml': 'broken: [' });
  const { files, problems } = await readTaskFiles({ root, jobs: 'jobs', only: ['jobs/ods/**'] });
  expect(files).toEqual(['jobs/ods/a.yaml']);
  expect(problems).toEqual([]);
  await expect(readTaskFiles({ root, jobs: 'jobs', only: ['../elsewhere/*.yaml'] })).rejects.toBeInstanceOf(UserInputError);
});

test('many files are each read once and reported in file order', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`jobs/f${String(i).padStart(3, '0')}.yaml`] = i === 150 ? 'projectId: [' : task(i + 1);
  await repoWith(files);
  const reads: string[] = [];
  const readText: typeof readTaskText = async (file) => {
    reads.push(path.relative(root, file));
    return readTaskText(file);
  };
  const result = await readTaskFiles({ root, jobs: 'jobs', readText });
  expect(reads.sort()).toEqual(Object.keys(files).sort());
  expect(result.tasks.map((t) => t.fileId)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1).filter((id) => id !== 151));
  expect(result.problems.map((p) => p.file)).toEqual(['jobs/f150.yaml']);
});

test('an --only pattern that selects no task file is a usage error naming it', async () => {
  await repoWith({ 'jobs/ods/a.yaml': task(1), 'jobs/dws/b.yaml': task(2) });
  await expect(readTaskFiles({ root, jobs: 'jobs', only: ['jobs/ods/**', 'jobs/odss/**'] })).rejects.toThrow(
    new UserInputError('--only "jobs/odss/**" matches none of the 2 task file(s) in jobs/'),
  );
});

test('a jobs folder that cannot be read is not called missing', async () => {
  await repoWith({});
  await symlink('jobs', path.join(root, 'jobs')); // a link to itself: stat fails with ELOOP
  const { problems } = await readTaskFiles({ root, jobs: 'jobs' });
  expect(problems.map((p) => p.message)).toEqual(['cannot read the jobs folder jobs: ELOOP']);
  const missing = await readTaskFiles({ root, jobs: 'other' });
  expect(missing.problems.map((p) => p.message)).toEqual(['the jobs folder other does not exist: expected a folder of task files (set "jobs" in dwsync.yaml)']);
});
