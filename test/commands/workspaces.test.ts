import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { workspaces } from '../../src/commands/workspaces.js';
import type { PlanReport } from '../../src/core/plan/report.js';
import { silentLogger } from '../../src/ports.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { readStateFile } from '../support/read-state-file.js';
import { taskYaml } from '../support/task-yaml.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';
import { runMain } from '../reliability/bad-input-cli-harness.js';

const tasks = [
  buildTask({ projectId: 10000, fileId: 1000001, file: 'jobs/a/t1.yaml' }),
  buildTask({ projectId: 20000, fileId: 2000001, file: 'jobs/b/t1.yaml' }),
  buildTask({ projectId: 20000, fileId: 2000002, file: 'jobs/b/t2.yaml' }),
];
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };

let emulator: Emulator;
const repos: TempRepo[] = [];
beforeAll(async () => {
  Object.assign(process.env, ENV); // the credential chain reads the process's environment
  emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
});
afterAll(async () => {
  for (const name of Object.keys(ENV)) delete process.env[name];
  await emulator.close();
  for (const repo of repos) await repo.remove();
});

async function repoWith(config: string): Promise<TempRepo> {
  const repo = await createTempRepo({ 'dwsync.yaml': config, ...Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])) });
  repos.push(repo);
  return repo;
}
const run = (repo: TempRepo, args: string[]) => runMain([...args, '--endpoint', emulator.url], repo.dir, ENV);
const summary = async (repo: TempRepo, args: string[]) => (JSON.parse((await run(repo, ['plan', '--json', ...args])).stdout) as PlanReport).summary;

describe('workspaces', () => {
  it('with {projectId} in the state path: one state file per workspace, each holding its own tasks', async () => {
    const repo = await repoWith('state: .dwsync/state-{projectId}.json\nqps: 0\n');
    const listed = await run(repo, ['workspaces']);
    expect(listed.stdout).toBe(`10000\t1 task(s)\t${path.join(repo.dir, '.dwsync/state-10000.json')}\n20000\t2 task(s)\t${path.join(repo.dir, '.dwsync/state-20000.json')}\n`);

    const first = await run(repo, ['apply', '--workspace', '20000']);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(repo.dir, '.dwsync/state-10000.json'))).toBe(false);
    expect(Object.keys((await readStateFile(path.join(repo.dir, '.dwsync/state-20000.json'))).tasks)).toEqual(['20000/2000001', '20000/2000002']);
    expect(await summary(repo, [])).toEqual({ create: 0, update: 1, unchanged: 2, orphaned: 0 });

    const applied = await run(repo, ['apply']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(Object.keys((await readStateFile(path.join(repo.dir, '.dwsync/state-10000.json'))).tasks)).toEqual(['10000/1000001']);

    // A workspace whose task files are all gone still has its state file: its tasks show as orphans.
    await rm(path.join(repo.dir, 'jobs/a'), { recursive: true });
    expect(await summary(repo, [])).toEqual({ create: 0, update: 0, unchanged: 2, orphaned: 1 });
    expect(await summary(repo, ['--workspace', '20000'])).toEqual({ create: 0, update: 0, unchanged: 2, orphaned: 0 });
    expect((await run(repo, ['unlock'])).code).toBe(1); // which workspace's lock? it must be said
  });

  it('with one state file, --workspace restricts a run to that workspace\'s tasks and orphans', async () => {
    const repo = await repoWith('qps: 0\n');
    const first = await run(repo, ['apply']);
    expect(first.code, first.stderr).toBe(0);
    await rm(path.join(repo.dir, 'jobs/b/t2.yaml'));
    expect(await summary(repo, ['--workspace', '10000'])).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 0 });
    expect(await summary(repo, ['--workspace', '20000'])).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 1 });
    expect(JSON.parse((await run(repo, ['workspaces', '--json'])).stdout)).toMatchObject({ perWorkspaceState: false, workspaces: [{ projectId: 10000, tasks: 1 }, { projectId: 20000, tasks: 1 }] });
  });
});

describe('workspaces, in process', () => {
  it('lists each workspace the task files use with its task count and, with a state template, its own state file', async () => {
    const repo = await createTempRepo(Object.fromEntries(tasks.map((task) => [task.file, taskYaml(task)])));
    repos.push(repo);
    await repo.write('dwsync.yaml', 'state: .dwsync/state-{projectId}.json\n');
    // A workspace whose task files are all gone still has its state, and so its orphans, to report.
    await repo.write('.dwsync/state-30000.json', '');
    const report = await workspaces({ root: repo.dir }, { env: {}, logger: silentLogger });
    expect(report).toEqual({
      formatVersion: 1,
      perWorkspaceState: true,
      workspaces: [
        { projectId: 10000, tasks: 1, state: path.join(repo.dir, '.dwsync/state-10000.json') },
        { projectId: 20000, tasks: 2, state: path.join(repo.dir, '.dwsync/state-20000.json') },
        { projectId: 30000, tasks: 0, state: path.join(repo.dir, '.dwsync/state-30000.json') },
      ],
    });
    const single = await workspaces({ root: repo.dir, statePath: 'one.json', workspace: 20000 }, { env: {}, logger: silentLogger });
    expect(single).toEqual({ formatVersion: 1, perWorkspaceState: false, workspaces: [{ projectId: 20000, tasks: 2, state: path.join(repo.dir, 'one.json') }] });
  });
});
