import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadTasks, loadValidTasks } from '../../src/commands/load-tasks.js';
import { resolveSettings } from '../../src/commands/resolve-settings.js';
import { UserInputError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { validTaskYaml, withLine } from '../support/task-builders.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-load-');

async function repoWith(files: Record<string, string>, only?: string[]) {
  const root = await tempDir();
  await mkdir(path.join(root, 'jobs'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return resolveSettings({ root, ...(only && { only }) }, {});
}

function collect() {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => void lines.push(`info: ${m}`), debug() {}, warn: (m) => void lines.push(`warn: ${m}`) };
  return { lines, logger };
}

const task = (fileId: number) => withLine(validTaskYaml, 'fileId: 1000001', `fileId: ${fileId}`);

describe('loadTasks', () => {
  it('reads the task files below the configured jobs folder, as --only narrows them', async () => {
    const settings = await repoWith({ 'jobs/ods/a.yaml': task(1), 'jobs/dws/b.yaml': task(2) }, ['jobs/ods/**']);
    const loaded = await loadTasks(settings);
    expect(loaded.files).toEqual(['jobs/ods/a.yaml']);
    expect(loaded.tasks.map((t) => t.key)).toEqual(['10000/1']);
    expect(loaded.problems).toEqual([]);
  });
});

describe('loadValidTasks', () => {
  it('refuses the whole run on one bad file, carrying its located problems', async () => {
    const settings = await repoWith({ 'jobs/a.yaml': task(1), 'jobs/b.yaml': withLine(task(2), 'fileId: 2', 'fileId: -2') });
    const refused = await loadValidTasks(settings, 'nothing was planned', collect().logger).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).message).toBe('1 problem(s) in task files; nothing was planned');
    expect((refused as UserInputError).problems).toEqual([expect.objectContaining({ file: 'jobs/b.yaml', path: 'fileId' })]);
  });

  it('returns the tasks and logs warnings, located, without stopping', async () => {
    const settings = await repoWith({ 'jobs/a.yaml': withLine(task(1), 'column: [id]}', 'column: [id], password: hunter2}') });
    const { lines, logger } = collect();
    const tasks = await loadValidTasks(settings, 'nothing was planned', logger);
    expect(tasks.map((t) => t.key)).toEqual(['10000/1']);
    expect(lines).toEqual([expect.stringMatching(/^info: jobs\/a\.yaml:\d+:\d+: warning: password is written in the task file/)]);
  });

  it('warns that an empty jobs folder holds no task files, and goes on', async () => {
    const settings = await repoWith({});
    const { lines, logger } = collect();
    expect(await loadValidTasks(settings, 'nothing was planned', logger)).toEqual([]);
    expect(lines).toEqual(['warn: the jobs folder jobs/ holds no task files (*.yaml, *.yml)']);
  });
});
