import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, expect, it } from 'vitest';

import { locateTaskSchema } from '../../src/tasks/locate-task-schema.js';

let root = '';
afterEach(() => rm(root, { recursive: true, force: true }));

async function touch(file: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), '{}');
}

it('points imported task files at the schema the repository really has', async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dwsync-schema-'));
  expect(await locateTaskSchema(root, 'jobs')).toBe('jobs/dwsync-task.schema.json'); // none: where to copy it
  await touch('node_modules/dwsync/jobs/dwsync-task.schema.json');
  expect(await locateTaskSchema(root, 'jobs')).toBe('node_modules/dwsync/jobs/dwsync-task.schema.json');
  await touch('tasks/dwsync-task.schema.json');
  expect(await locateTaskSchema(root, 'tasks')).toBe('tasks/dwsync-task.schema.json');
});
