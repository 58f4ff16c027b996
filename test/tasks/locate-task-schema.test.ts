import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, it } from 'vitest';

import { locateTaskSchema } from '../../src/tasks/locate-task-schema.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-schema-');
let root = '';

async function touch(file: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), '{}');
}

it('points imported task files at the schema the repository really has', async () => {
  root = await tempDir();
  expect(await locateTaskSchema(root, 'jobs')).toBe('jobs/dwsync-task.schema.json'); // none: where to copy it
  await touch('node_modules/dwsync/jobs/dwsync-task.schema.json');
  expect(await locateTaskSchema(root, 'jobs')).toBe('node_modules/dwsync/jobs/dwsync-task.schema.json');
  await touch('tasks/dwsync-task.schema.json');
  expect(await locateTaskSchema(root, 'tasks')).toBe('tasks/dwsync-task.schema.json');
});
