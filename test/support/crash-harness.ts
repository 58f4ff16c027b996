import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { main } from '../../src/cli.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { Task } from '../../src/core/task/task.js';
import type { PlanReport } from '../../src/core/plan/report.js';
import { buildTask, type FileIdTask } from './build-task.js';
import { emulatorCredentials, startCli, type CliRun, type StartedCli } from './run-cli.js';
import { taskYaml } from './task-yaml.js';
import { makeTempDir } from './temp-dir.js';
import { createTempRepo } from './temp-repo.js';

// Shared by the crash, signal and lock tests in test/reliability: a seeded PRNG, repositories of many
// tasks, the CLI spawned with a handle to signal it, and readings of the emulator and the state.


// mulberry32: small, fast, and the same sequence on every machine for a given seed.
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

// Tasks that differ from each other (table, columns, Cu), so a body sent to the wrong fileId shows.
export function buildTasks(count: number): FileIdTask[] {
  return Array.from({ length: count }, (_, i) => {
    const fileId = 2000001 + i;
    const base = buildTask({ fileId, file: `jobs/g${i % 10}/t${i}.yaml` });
    const content = structuredClone(base.taskContent) as { steps: Array<{ parameter: Record<string, unknown> }> };
    content.steps[0]!.parameter.table = [`table_${i}`];
    content.steps[1]!.parameter.table = `ods_table_${i}`;
    return { ...base, taskContent: content as unknown as Task['taskContent'], taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 1 + (i % 4) * 0.5 } };
  });
}

export type RepoTemplate = { dir: string; tasks: FileIdTask[]; remove(): Promise<void> };

// One committed repository to copy per trial: a fresh repository each time, without paying for git.
export async function createRepoTemplate(count: number): Promise<RepoTemplate> {
  const tasks = buildTasks(count);
  const repo = await createTempRepo(Object.fromEntries(tasks.map((task) => [task.file, taskYaml(task)])));
  await repo.commit('tasks');
  return { dir: repo.dir, tasks, remove: () => repo.remove() };
}

export async function copyRepo(template: RepoTemplate): Promise<{ dir: string; statePath: string; remove(): Promise<void> }> {
  const { dir, remove } = await makeTempDir('dwsync-crash-');
  await cp(template.dir, dir, { recursive: true });
  return { dir, statePath: path.join(dir, '.dwsync', 'state.json'), remove };
}

export type Spawned = StartedCli;

// The built CLI as a user runs it against the emulator, with a handle to signal it.
export function spawnCli(args: string[], options: { cwd: string; emulator: Emulator; timeoutMs?: number }): Spawned {
  return startCli([...args, '--endpoint', options.emulator.url], {
    cwd: options.cwd,
    env: emulatorCredentials,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
}

export function runCliAgainst(args: string[], cwd: string, emulator: Emulator): Promise<CliRun> {
  return spawnCli(args, { cwd, emulator }).done;
}

// The same entry point in this process, for read-only commands (plan) where a process start would
// only cost time: on a loaded machine a node start is a second.
export async function runMainIn(args: string[], cwd: string, emulator: Emulator): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--endpoint', emulator.url], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  });
  return { code, signal: null, stdout, stderr };
}

// Polls until `ready()` holds or `exited` settles; true when ready. Bounded by `limitMs` as well.
export async function waitUntil(ready: () => boolean | Promise<boolean>, exited: Promise<unknown>, limitMs = 30_000): Promise<boolean> {
  let over = false;
  void exited.then(() => (over = true));
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    if (over) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

// A killed client's requests that reached the emulator are still answered (and applied) after their
// latency. Waits until the emulator's call log stops growing, so every accepted call is counted.
export async function waitForQuiet(emulator: Emulator, latencyMs: number): Promise<void> {
  let seen = -1;
  for (let round = 0; round < 100 && emulator.state.calls.length !== seen; round++) {
    seen = emulator.state.calls.length;
    await new Promise((resolve) => setTimeout(resolve, latencyMs * 3 + 50));
  }
}

export const taskKey = (projectId: string | undefined, fileId: string | undefined) => `${projectId}/${fileId}`;

// Successful UpdateDISyncTask calls per key, from `from` on in the emulator's call log.
export function acceptedUpdates(emulator: Emulator, from = 0): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const call of emulator.state.calls.slice(from)) {
    if (call.action !== 'UpdateDISyncTask' || call.status !== 200) continue;
    const key = taskKey(call.parameters.ProjectId, call.parameters.FileId);
    byKey.set(key, [...(byKey.get(key) ?? []), call.requestId ?? '']);
  }
  return byKey;
}

// Keys whose sent TaskContent/TaskParam the emulator holds differently from the task file.
export function keysHeldDifferently(emulator: Emulator, tasks: Task[], keys: Iterable<string>): string[] {
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const wrong: string[] = [];
  for (const key of keys) {
    const task = byKey.get(key);
    const held = emulator.state.tasks.get(key);
    if (!task || !held || !_sameJson(held.taskContent, task.taskContent) || !_sameJson(held.taskParam, task.taskParam)) wrong.push(key);
  }
  return wrong;
}

function _sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(_sorted(JSON.parse(text))) === JSON.stringify(_sorted(value));
  } catch {
    return false;
  }
}

function _sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(_sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, _sorted((value as Record<string, unknown>)[key])]));
}

export type OutsideView = { plan: PlanReport; applied: Set<string>; stateText: string; leftovers: string[] };

// What survived a run, judged from outside the code that wrote it: a fresh dwsync process's plan (the
// tasks it finds unchanged are those recorded as applied), the raw text of the state folder (to look up
// request ids as plain strings) and the files a finished run should not leave behind. No parser of the
// state or journal format is used, so the verdict does not depend on that format.
export async function readOutsideView(dir: string, emulator: Emulator): Promise<OutsideView> {
  const planned = await runCliAgainst(['plan', '--json'], dir, emulator);
  if (planned.code !== 0) throw new Error(`a fresh plan failed (exit ${planned.code}): ${planned.stderr}`);
  const plan = JSON.parse(planned.stdout) as PlanReport;
  const applied = new Set(plan.changes.filter((change) => change.action === 'unchanged').map((change) => change.key));
  const folder = path.join(dir, '.dwsync');
  const names = await readdir(folder).catch(() => [] as string[]);
  const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), 'utf8').catch(() => '')));
  const leftovers = names.filter((name) => /journal|lock|\.tmp/i.test(name));
  return { plan, applied, stateText: texts.join('\n'), leftovers };
}
