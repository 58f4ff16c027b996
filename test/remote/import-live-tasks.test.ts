import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/core/import/import-report.js';
import type { TaskRecord } from '../../src/core/state/state-schema.js';
import type { TaskSeed } from '../../src/emulator/start-emulator.js';
import { fileImportReader, importLiveTasks, type ImportInput } from '../../src/remote/import-live-tasks.js';
import { createFakeClock } from '../support/fake-clock.js';
import { liveSeed } from '../support/live-task-builders.js';
import { useTempDir } from '../support/temp-dir.js';
import { callsOf, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const tempDir = useTempDir('dwsync-import-live-');

const placed = (seed: TaskSeed) => ({ id: seed.fileId, fileName: seed.fileName!, folderPath: seed.fileFolderPath! });

async function setUp(seeds: TaskSeed[], input: Partial<ImportInput> = {}) {
  const { emulator, session } = await start({ seed: seeds });
  const root = await tempDir();
  await mkdir(path.join(root, 'jobs'));
  const records = new Map<string, TaskRecord>();
  const reported: ImportResult[] = [];
  let defaultAsked = 0;
  const run = (extra: Partial<ImportInput> = {}) =>
    importLiveTasks(
      { root, jobs: 'jobs', projectId: 10000, files: seeds.map(placed), overwrite: false, declared: new Map(), ...input, ...extra },
      {
        ...session,
        clock: createFakeClock(Date.parse('2026-03-04T05:06:07.000Z')),
        concurrency: 2,
        salt: 'salt',
        read: fileImportReader(session, async () => (defaultAsked++, 'S_default')),
        record: async (key, record) => void records.set(key, record),
        onResult: (result) => void reported.push(result),
      },
    );
  return { emulator, root, records, reported, run, defaultAsked: () => defaultAsked };
}

describe('importLiveTasks', () => {
  it('writes each task to the file its folder places it in, then records it with the GetFile request id', async () => {
    const seeds = [liveSeed(0), liveSeed(1)];
    const { emulator, root, records, reported, run } = await setUp(seeds);

    const results = await run();

    const requestIdOf = (fileId: number) => emulator.state.calls.find((c) => c.action === 'GetFile' && c.parameters.FileId === String(fileId))!.requestId;
    expect(results).toEqual([
      { key: '10000/2000000', file: 'jobs/ods/di_task_0.yaml', attempts: 1, requestId: requestIdOf(2_000_000), outcome: 'written' },
      {
        key: '10000/2000001',
        file: 'jobs/dws/di_task_1.yaml',
        attempts: 1,
        requestId: requestIdOf(2_000_001),
        outcome: 'written',
        // The renderer's warnings come through: this task's reader holds a password.
        warnings: [
          'taskContent.steps[0].parameter.password holds a secret, written to jobs/dws/di_task_1.yaml as DataWorks returned it: move it into a data source before committing',
        ],
      },
    ]);
    expect([...reported].sort((a, b) => a.key.localeCompare(b.key))).toEqual(results);
    const text = await readFile(path.join(root, 'jobs/ods/di_task_0.yaml'), 'utf8');
    expect(text).toContain('projectId: 10000\nfileId: 2000000\n');
    expect(records.get('10000/2000000')).toMatchObject({
      file: 'jobs/ods/di_task_0.yaml',
      applied: { appliedAt: '2026-03-04T05:06:07.000Z', commit: null, requestId: requestIdOf(2_000_000) },
      lastAttempt: null,
    });
    expect([...records.keys()].sort()).toEqual(['10000/2000000', '10000/2000001']);
  });

  it('leaves a declared task alone without --overwrite, and refuses to overwrite a file that holds other tasks too; neither is read', async () => {
    const seeds = [liveSeed(0), liveSeed(1)];
    const declared = new Map([
      ['10000/2000000', { file: 'jobs/mine.yaml', tasksInFile: 1 }],
      ['10000/2000001', { file: 'jobs/many.yaml', tasksInFile: 3 }],
    ]);
    const { emulator, records, run } = await setUp(seeds, { declared });

    expect(await run()).toEqual([
      { key: '10000/2000000', file: 'jobs/mine.yaml', outcome: 'exists', attempts: 0 },
      { key: '10000/2000001', file: 'jobs/many.yaml', outcome: 'exists', attempts: 0 },
    ]);
    const overwritten = await run({ overwrite: true });
    expect(overwritten[1]).toEqual({
      key: '10000/2000001',
      file: 'jobs/many.yaml',
      outcome: 'failed',
      attempts: 0,
      error: { code: 'DeclaredWithOthers', message: '10000/2000001 is declared in jobs/many.yaml together with other tasks; that file was not overwritten' },
    });
    expect(overwritten[0]).toMatchObject({ key: '10000/2000000', file: 'jobs/mine.yaml', outcome: 'written' });
    expect(callsOf(emulator, 'GetFile').map((p) => p.FileId)).toEqual(['2000000']);
    expect([...records.keys()]).toEqual(['10000/2000000']);
  });

  it('asks for the workspace default group only for a task whose content names none, and notes it', async () => {
    const named = liveSeed(0);
    const unnamed = liveSeed(1, { taskParam: '' });
    const { defaultAsked, run } = await setUp([named, unnamed]);
    const [first, second] = await run();
    expect(first?.warnings ?? []).not.toContainEqual(expect.stringContaining('default'));
    expect(second?.warnings).toContainEqual(
      "taskParam.ResourceGroup is the workspace's default Data Integration resource group S_default: the task's content names none (extend.resourceGroup)",
    );
    expect(defaultAsked()).toBe(1);
  });

  it('a task that is gone is FileNotFound with the request id, and writes nothing', async () => {
    const seed = liveSeed(0);
    const { emulator, records, run } = await setUp([seed], { files: [placed(seed), { id: 42, fileName: 'gone', folderPath: 'Business Flow/ods/Data Integration' }] });
    const results = await run();
    const missing = emulator.state.calls.find((c) => c.parameters.FileId === '42')!;
    expect(results[1]).toEqual({
      key: '10000/42',
      file: null,
      outcome: 'failed',
      attempts: 1,
      requestId: missing.requestId,
      error: { code: 'FileNotFound', message: 'file 42 does not exist in project 10000' },
    });
    expect([...records.keys()]).toEqual(['10000/2000000']);
  });

  it('a file that cannot be written fails that task only, with the system\'s code, and records nothing for it', async () => {
    const seeds = [liveSeed(0), liveSeed(1)];
    const { root, records, reported, run } = await setUp(seeds);
    // Where the first task's folder should be, a file: its task file cannot be written.
    await writeFile(path.join(root, 'jobs/ods'), 'in the way');

    const results = await run();

    expect(results[0]).toMatchObject({ key: '10000/2000000', file: 'jobs/ods/di_task_0.yaml', outcome: 'failed', attempts: 0 });
    expect(results[0]?.error?.code).toMatch(/^(ENOTDIR|EEXIST)$/);
    expect(results[0]?.error?.message).toMatch(/^could not write the task file: /);
    expect(results[1]).toMatchObject({ key: '10000/2000001', outcome: 'written' });
    expect([...records.keys()]).toEqual(['10000/2000001']);
    expect(reported).toHaveLength(2);
  });

  it('a failed read is that task\'s failure with the code, status and attempts, and the others are still read', async () => {
    const seeds = [liveSeed(0), liveSeed(1)];
    const { emulator, run } = await setUp(seeds, {});
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'no access' }, { action: 'GetFile' });
    const results = await run();
    const failed = results.find((r) => r.outcome === 'failed')!;
    const refused = emulator.state.calls.find((c) => c.code === 'Forbidden.Access')!;
    expect(failed).toEqual({
      key: `10000/${refused.parameters.FileId}`,
      file: failed.file,
      outcome: 'failed',
      attempts: 1,
      error: { code: 'Forbidden.Access', message: 'no access', requestId: refused.requestId, status: 403 },
    });
    expect(results.filter((r) => r.outcome === 'written')).toHaveLength(1);
  });
});
