import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { main } from '../../src/cli.js';
import { apply } from '../../src/commands/apply.js';
import { importTasks } from '../../src/commands/import.js';
import type { ImportOptions } from '../../src/commands/import.js';
import type { CommandDeps } from '../../src/commands/command-options.js';
import { preparePlan } from '../../src/commands/plan.js';
import { validate } from '../../src/commands/validate.js';
import type { JsonValue } from '../../src/core/text/json.js';
import type { PlanReport } from '../../src/core/plan/report.js';
import { toPlanReport } from '../../src/core/plan/plan-tasks.js';
import { silentLogger } from '../../src/ports.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { systemClock } from '../../src/system-clock.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator, TaskSeed } from '../../src/emulator/start-emulator.js';
import { createTempRepo } from '../support/temp-repo.js';
import type { TempRepo } from '../support/temp-repo.js';
import { liveContent, liveSeed } from '../support/live-task-builders.js';
import { readStateFile } from '../support/read-state-file.js';
import { buildNamedTask } from '../support/build-task.js';
import { namedTaskYaml } from '../support/task-yaml.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(seed: TaskSeed[], files: Record<string, string> = {}) {
  const repo = await createTempRepo(files);
  const emulator = await startEmulator({ port: 0, seed });
  cleanups.push(() => repo.remove(), () => emulator.close());
  return { repo, emulator };
}

function depsFor(emulator: Emulator): CommandDeps {
  return {
    clock: systemClock,
    logger: silentLogger,
    env: {},
    createDataWorks: ({ region }) =>
      createDataWorks({ endpoint: emulator.url, region, credential: createAccessKeyCredential('emulator', 'emulator'), timeouts: { connectMs: 5000, readMs: 10_000 } }),
  };
}

function run(repo: TempRepo, emulator: Emulator, options: Partial<ImportOptions> = {}) {
  // random 0: retries back off for 0 ms, so a retried read costs no waiting.
  return importTasks({ root: repo.dir, qps: 0, concurrency: 8, projectId: 10000, ...options }, { ...depsFor(emulator), random: () => 0 });
}

function callsOf(emulator: Emulator, action: string) {
  return emulator.state.calls.filter((c) => c.action === action);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

describe('import', () => {
  it('imports 250 tasks listed over 3 pages into an empty repository; the next plan has nothing to do', async () => {
    const seed = Array.from({ length: 250 }, (_, i) => liveSeed(i));
    const { repo, emulator } = await setup(seed);

    const report = await run(repo, emulator);

    expect(report.summary).toEqual({ written: 250, exists: 0, failed: 0 });
    expect(report.check).toEqual({ ok: true, checked: 250, unchanged: 250, mismatches: [], problems: [] });
    const listCalls = callsOf(emulator, 'ListFiles');
    expect(listCalls.map((c) => [c.parameters.PageNumber, c.parameters.PageSize, c.parameters.FileTypes])).toEqual([
      ['1', '100', '23'],
      ['2', '100', '23'],
      ['3', '100', '23'],
    ]);
    expect(callsOf(emulator, 'GetFile')).toHaveLength(250);
    expect(callsOf(emulator, 'UpdateDISyncTask')).toHaveLength(0);

    const files = (await listFiles(path.join(repo.dir, 'jobs'))).map((f) => `jobs/${f}`);
    expect(files).toHaveLength(250);
    expect(files).toContain('jobs/ods/di_task_0.yaml');
    expect(files).toContain('jobs/dws/di_task_1.yaml');
    expect(files).toContain('jobs/订单_流程/di_task_2.yaml');
    expect(report.results.map((r) => r.file).sort()).toEqual(files);

    const validated = await validate({ root: repo.dir }, { env: {} });
    expect(validated.problems).toEqual([]);
    expect(validated.tasks).toBe(250);

    const { planned } = await preparePlan({ root: repo.dir }, depsFor(emulator));
    expect(toPlanReport(planned).summary).toEqual({ create: 0, update: 0, unchanged: 250, orphaned: 0 });
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {}, cwd: repo.dir };
    expect(await main(['plan', '--detailed-exitcode', '--json'], io)).toBe(0);
    expect((JSON.parse(out) as PlanReport).summary).toEqual({ create: 0, update: 0, unchanged: 250, orphaned: 0 });

    // What the file says is what DataWorks holds: same values, scheduling parameters untouched.
    const { tasks } = await (await import('../../src/commands/load-tasks.js')).loadTasks({ ...(await settingsOf(repo)) });
    for (const task of tasks) {
      const i = task.fileId! - 2_000_000;
      expect(task.taskContent).toEqual(liveContent(i));
      expect(task.taskParam).toEqual({ ResourceGroup: `S_res_group_${100 + (i % 3)}` });
    }
    const text = await readFile(path.join(repo.dir, 'jobs/ods/di_task_0.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../dwsync-task.schema.json');
    expect(text).toContain("where: gmt_modified >= '${bizdate}'");
    expect(text).toContain('partition: pt=${bizdate}');
    expect(text).toContain('column: [id, name, gmt_modified]');

    const state = (await readStateFile(path.join(repo.dir, '.dwsync/state.json'))) as ReturnType<typeof JSON.parse>; // loosely typed, as the raw file
    expect(Object.keys(state.tasks)).toHaveLength(250);
    const record = state.tasks['10000/2000001'];
    expect(record.file).toBe('jobs/dws/di_task_1.yaml');
    expect(record.applied.commit).toBeNull();
    expect(record.applied.requestId).toBe(report.results.find((r) => r.key === '10000/2000001')!.requestId);
    expect(JSON.stringify(state)).not.toContain('pw-1-secret');
    // The password is in the file (as DataWorks returned it) and the report says so.
    expect(report.results.find((r) => r.key === '10000/2000001')!.warnings).toEqual([
      'taskContent.steps[0].parameter.password holds a secret, written to jobs/dws/di_task_1.yaml as DataWorks returned it: move it into a data source before committing',
    ]);
  });

  it('reports the outcome of each task to the progress port as it is known, after telling how many there are', async () => {
    const { repo, emulator } = await setup([liveSeed(0), liveSeed(1), liveSeed(2, { taskContent: 'not json' })]);
    const told: string[] = [];
    const progress = { start: (total: number) => void told.push(`start ${total}`), finish: (outcome: string) => void told.push(outcome) };
    await importTasks({ root: repo.dir, qps: 0, concurrency: 1, projectId: 10000 }, { ...depsFor(emulator), random: () => 0, progress });
    expect(told).toEqual(['start 3', 'written', 'written', 'failed']);
  });

  it('never overwrites an existing file without --overwrite; with it, rewrites from the live task', async () => {
    const seed = Array.from({ length: 3 }, (_, i) => liveSeed(i));
    const { repo, emulator } = await setup(seed);
    expect((await run(repo, emulator)).summary.written).toBe(3);
    const file = path.join(repo.dir, 'jobs/ods/di_task_0.yaml');
    const before = await readFile(file);
    const stateBefore = await readFile(path.join(repo.dir, '.dwsync/state.json'));

    emulator.editTask({ projectId: 10000, fileId: 2_000_000 }, { taskContent: JSON.stringify({ ...liveContent(0), setting: { speed: { concurrent: 9 } } }) });
    const again = await run(repo, emulator);
    expect(again.summary).toEqual({ written: 0, exists: 3, failed: 0 });
    expect(again.results.map((r) => [r.key, r.outcome, r.file])).toEqual([
      ['10000/2000000', 'exists', 'jobs/ods/di_task_0.yaml'],
      ['10000/2000001', 'exists', 'jobs/dws/di_task_1.yaml'],
      ['10000/2000002', 'exists', 'jobs/订单_流程/di_task_2.yaml'],
    ]);
    expect(await readFile(file)).toEqual(before);
    expect(await readFile(path.join(repo.dir, '.dwsync/state.json'))).toEqual(stateBefore);

    const overwritten = await run(repo, emulator, { overwrite: true });
    expect(overwritten.summary).toEqual({ written: 3, exists: 0, failed: 0 });
    expect(overwritten.check.ok).toBe(true);
    expect(await readFile(file, 'utf8')).toContain('concurrent: 9');
    const { planned } = await preparePlan({ root: repo.dir }, depsFor(emulator));
    expect(planned.map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('refuses to write a second file for a task already declared elsewhere', async () => {
    const { repo, emulator } = await setup([liveSeed(0)]);
    await repo.write('jobs/mine/u.yaml', (await readFileAfterImport(repo, emulator)).replace(/^#.*\n/gm, ''));
    const again = await run(repo, emulator, { out: 'jobs/flat' });
    expect(again.results).toEqual([{ key: '10000/2000000', file: 'jobs/mine/u.yaml', outcome: 'exists', attempts: 0 }]);
  });

  it('--file-id takes names and folders from ListFiles (FileIdIn, NeedAbsoluteFolderPath), never GetFile', async () => {
    const seed = Array.from({ length: 120 }, (_, i) => liveSeed(i));
    const { repo, emulator } = await setup(seed);
    const fileIds = Array.from({ length: 60 }, (_, i) => 2_000_000 + i * 2);
    const report = await run(repo, emulator, { fileIds });
    expect(report.summary).toEqual({ written: 60, exists: 0, failed: 0 });
    const listed = callsOf(emulator, 'ListFiles');
    // At most 50 ids a call, as the model documents.
    expect(listed.map((c) => c.body.FileIdIn?.split(',').length)).toEqual([50, 10]);
    expect(listed.every((c) => c.body.NeedAbsoluteFolderPath === 'true')).toBe(true);
    expect(report.results.find((r) => r.key === '10000/2000004')).toMatchObject({ file: 'jobs/dws/di_task_4.yaml' });
    expect(report.results.find((r) => r.key === '10000/2000002')).toMatchObject({ file: 'jobs/订单_流程/di_task_2.yaml' });
  });

  it('--file-id reads just those files; a missing one fails cleanly and the rest are written', async () => {
    const seed = Array.from({ length: 5 }, (_, i) => liveSeed(i));
    const { repo, emulator } = await setup(seed);
    const report = await run(repo, emulator, { fileIds: [2_000_003, 2_999_999], out: 'jobs/imported' });
    expect(callsOf(emulator, 'ListFiles')).toHaveLength(1);
    expect(report.summary).toEqual({ written: 1, exists: 0, failed: 1 });
    expect(report.results[0]).toMatchObject({ key: '10000/2000003', outcome: 'written', file: 'jobs/imported/di_task_3.yaml' });
    expect(report.results[1]).toMatchObject({ key: '10000/2999999', outcome: 'failed', file: null, error: { code: 'FileNotFound' } });
    expect(report.check.ok).toBe(true);
    expect(await listFiles(path.join(repo.dir, 'jobs'))).toEqual(['imported/di_task_3.yaml']);
  });

  it('--folder keeps only the tasks under that DataWorks folder', async () => {
    const seed = Array.from({ length: 6 }, (_, i) => liveSeed(i));
    const { repo, emulator } = await setup(seed);
    const report = await run(repo, emulator, { folder: 'Business Flow/dws' });
    expect(report.results.map((r) => r.key)).toEqual(['10000/2000001', '10000/2000004']);
  });

  it('takes the DI group from Content.extend.resourceGroup, else the workspace default, and says so', async () => {
    const { repo, emulator } = await setup([liveSeed(0, { taskParam: '' }), liveSeed(1)]);
    const report = await run(repo, emulator);
    expect(report.results[0]).toMatchObject({ key: '10000/2000000', outcome: 'written', warnings: [expect.stringContaining('workspace')] });
    expect(report.results[0]!.warnings![0]).toContain('S_res_group_emulator');
    expect(report.results[1]).toMatchObject({ key: '10000/2000001', outcome: 'written' });
    expect(report.results[1]!.warnings ?? []).not.toContainEqual(expect.stringContaining('workspace'));
    const first = await readFile(path.join(repo.dir, 'jobs/ods/di_task_0.yaml'), 'utf8');
    expect(first).toContain('ResourceGroup: S_res_group_emulator');
    const second = await readFile(path.join(repo.dir, report.results[1]!.file!), 'utf8');
    expect(second).toContain('ResourceGroup: S_res_group_101');
    // What the service keeps in Content (extend) stays out of the task file.
    expect(second).not.toContain('extend');
    expect(callsOf(emulator, 'GetProject')).toHaveLength(1);
    expect(report.check.ok).toBe(true);
  });

  it('retries throttled and failed reads like apply retries writes', async () => {
    const { repo, emulator } = await setup(Array.from({ length: 4 }, (_, i) => liveSeed(i)));
    emulator.failNext({ kind: 'http', status: 400, code: 'Throttling.User' }, { action: 'ListFiles' });
    emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { action: 'GetFile', times: 2 });
    const report = await run(repo, emulator, { concurrency: 1 });
    expect(report.summary).toEqual({ written: 4, exists: 0, failed: 0 });
    expect(callsOf(emulator, 'ListFiles').map((c) => c.status)).toEqual([400, 200]);
    expect(report.results.map((r) => r.attempts)).toEqual([3, 1, 1, 1]);
  });

  it('retries Throttling.Api.Risk like any throttling code: no quota stop', async () => {
    const { repo, emulator } = await setup(Array.from({ length: 4 }, (_, i) => liveSeed(i)));
    emulator.failNext({ kind: 'http', status: 400, code: 'Throttling.Api.Risk' }, { action: 'GetFile' });
    const report = await run(repo, emulator, { concurrency: 1 });
    expect(report.summary).toEqual({ written: 4, exists: 0, failed: 0 });
    expect(callsOf(emulator, 'GetFile')).toHaveLength(5);
  });

  it('does not write a task whose content is not JSON or does not validate', async () => {
    const content = liveContent(1);
    const noWriter = JSON.stringify({ ...content, steps: (content.steps as JsonValue[]).slice(0, 1) });
    const { repo, emulator } = await setup([liveSeed(0, { taskContent: 'not json' }), liveSeed(1, { taskContent: noWriter }), liveSeed(2)]);
    const report = await run(repo, emulator);
    expect(report.results.map((r) => [r.key, r.outcome, r.error?.code])).toEqual([
      ['10000/2000000', 'failed', 'InvalidTaskContent'],
      ['10000/2000001', 'failed', 'InvalidTask'],
      ['10000/2000002', 'written', undefined],
    ]);
    expect(report.results[1]!.error!.message).toMatch(/writer/);
    expect(report.check.ok).toBe(true);
    expect((await listFiles(path.join(repo.dir, 'jobs'))).length).toBe(1);
  });

  it('rejects --out outside the jobs folder before calling DataWorks', async () => {
    const { repo, emulator } = await setup([liveSeed(0)]);
    await expect(run(repo, emulator, { out: 'elsewhere' })).rejects.toThrow(/outside the jobs folder/);
    expect(emulator.state.calls).toEqual([]);
  });

  it('sees a file dwsync created for a task given by name as declared: no second task file, no second record', async () => {
    const named = buildNamedTask({ name: 'ods_users', folder: 'Business Flow/ods/Data Integration', file: 'jobs/named.yaml' });
    const { repo, emulator } = await setup([liveSeed(0)], { [named.file]: namedTaskYaml(named) });
    await repo.commit('a task given by name');
    const applied = await apply({ root: repo.dir, qps: 0 }, depsFor(emulator));
    expect(applied.summary.created).toBe(1);
    const created = [...emulator.state.tasks.values()].find((t) => t.fileName === 'ods_users')!;
    const filesBefore = await listFiles(repo.dir);

    const report = await run(repo, emulator);
    const createdKey = `10000/${created.fileId}`;
    expect(report.results.find((r) => r.key === createdKey)).toMatchObject({ outcome: 'exists', file: named.file });
    // Only the seeded task got a file; the state holds the created file under the named key alone.
    expect((await listFiles(repo.dir)).filter((f) => !filesBefore.includes(f) && !f.startsWith('.git/') && !f.startsWith('.dwsync/'))).toHaveLength(1);
    expect(Object.keys((await readStateFile(path.join(repo.dir, '.dwsync/state.json'))).tasks).sort()).toEqual(['10000/2000000', named.key].sort());

    const overwrite = await run(repo, emulator, { overwrite: true });
    expect(overwrite.results.find((r) => r.key === createdKey)).toMatchObject({ outcome: 'failed', error: { code: 'DeclaredByName' } });
    expect(await readFile(path.join(repo.dir, named.file), 'utf8')).toBe(namedTaskYaml(named));
  });
});

async function readFileAfterImport(repo: TempRepo, emulator: Emulator): Promise<string> {
  const report = await run(repo, emulator);
  const text = await readFile(path.join(repo.dir, report.results[0]!.file!), 'utf8');
  const { rm } = await import('node:fs/promises');
  await rm(path.join(repo.dir, report.results[0]!.file!));
  return text;
}

async function settingsOf(repo: TempRepo) {
  const { resolveSettings } = await import('../../src/commands/resolve-settings.js');
  return resolveSettings({ root: repo.dir }, {});
}
