import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Task } from '../../src/core/task/task.js';
import { seedNamedTaskReferences, startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { buildNamedTask, buildNodeTask } from '../support/build-task.js';
import { createRandom, randomInt, readOutsideView, runCliAgainst, waitForQuiet, waitUntil } from '../support/crash-harness.js';
import { emulatorCredentials, startCli, type StartedCli } from '../support/run-cli.js';
import { dataStudioConfig, namedTaskYaml, nodeTaskYaml } from '../support/task-yaml.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

// `apply` on a new-Data-Studio workspace (2024-05-18) killed with SIGKILL at several moments, with
// calls in flight (concurrency 4 and 8), while updating nodes by id and creating nodes given by name
// and folder. Judged from outside: what the process printed as done (its progress line, on a terminal
// it gets from `script`), what the emulator accepted and holds, and what a fresh process plans.
//   1. Every outcome the killed process printed as done is found applied by a fresh process.
//   2. Accepted by the emulator but not recorded: at most one call per slot.
//   3. Rerun to completion, every node path is held once: a create killed before its answer was
//      recorded is adopted by the next run, never made again.

const STUDIO = 20000;
const BY_ID = 16;
const NAMED = 12;
const SEED = 0x5eed_2024;
const BIN = path.resolve(import.meta.dirname, '../../bin/dwsync.js');
const nodeIdOf = (i: number) => String(7_100_000_000_000_000_001n + BigInt(i));

// Tasks that differ from each other (table, Cu), so a job sent to the wrong node would show.
function buildStudioTasks(): Task[] {
  const distinct = (task: Task, i: number): Task => {
    const content = structuredClone(task.taskContent) as { steps: Array<{ parameter: Record<string, unknown> }> };
    content.steps[0]!.parameter.table = [`table_${i}`];
    content.steps[1]!.parameter.table = `ods_table_${i}`;
    return { ...task, taskContent: content as unknown as Task['taskContent'], taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 1 + (i % 4) * 0.5 } };
  };
  const byId = Array.from({ length: BY_ID }, (_, i) => distinct(buildNodeTask({ projectId: STUDIO, nodeId: nodeIdOf(i), file: `jobs/ids/n${i}.yaml` }), i));
  const named = Array.from({ length: NAMED }, (_, i) =>
    distinct(buildNamedTask({ projectId: STUDIO, name: `ods_new_${i}`, folder: 'Workflow/ods', file: `jobs/named/ods_new_${i}.yaml` }), BY_ID + i),
  );
  return [...byId, ...named];
}

type Kill = { afterCalls: number } | { afterLastCallMs: number };

const tally = { trials: 0, kills: 0, finishedFirst: 0, printedDone: 0, acceptedUnrecorded: 0, createsAccepted: 0, createsAdopted: 0, outcomesLost: 0 };
const tasks = buildStudioTasks();
let template: TempRepo;

beforeAll(async () => {
  const files = Object.fromEntries(tasks.map((t) => [t.file, t.nodeId !== undefined ? nodeTaskYaml(t) : namedTaskYaml(t)]));
  template = await createTempRepo({ 'dwsync.yaml': dataStudioConfig([STUDIO]), ...files });
  await template.commit('tasks');
}, 60_000);

afterAll(async () => {
  await template?.remove();
  console.log(`[crash-data-studio] ${JSON.stringify({ seed: SEED, byId: BY_ID, named: NAMED, ...tally })}`);
});

async function startTrial(latencyMs: number): Promise<{ dir: string; emulator: Emulator; remove(): Promise<void> }> {
  const { dir, remove } = await makeTempDir('dwsync-crash-studio-');
  await cp(template.dir, dir, { recursive: true });
  const emulator = await startEmulator({ port: 0, latencyMs, newStudio: [STUDIO], nodes: tasks.filter((t) => t.nodeId !== undefined).map((t) => ({ projectId: STUDIO, nodeId: t.nodeId! })) });
  seedNamedTaskReferences(emulator.state, tasks);
  return {
    dir,
    emulator,
    remove: async () => {
      await emulator.close();
      await remove();
    },
  };
}

// The built CLI on a terminal (`script` gives it one), so that it draws its progress line: the only
// thing a killed apply has printed. `node` is exec'd by script's shell: its pid is script's child.
function startOnTerminal(args: string[], cwd: string): StartedCli {
  const command = ['exec', process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
  return startCli(['-qefc', command, '/dev/null'], { cwd, env: emulatorCredentials, command: 'script', timeoutMs: 120_000 });
}

async function killNode(run: StartedCli): Promise<boolean> {
  const scriptPid = run.child.pid!;
  const children = await readFile(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').catch(() => '');
  const pid = Number(children.trim().split(/\s+/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false; // it had exited already
  }
}

// The highest count the progress line showed as done ("[ 12/28] ..."), and whether it showed a failure.
function readPrinted(output: string): { done: number; failed: boolean } {
  let done = 0;
  for (const match of output.matchAll(/\[\s*(\d+)\/(\d+)\]/g)) done = Math.max(done, Number(match[1]));
  return { done, failed: /\d+ failed/.test(output) };
}

type HeldNode = { projectId: number; id: string; spec: string };
const heldNodes = async (emulator: Emulator) => (await (await fetch(`${emulator.url}/__emulator/nodes`)).json()) as HeldNode[];
const nodeOf = (held: HeldNode) => JSON.parse(held.spec).spec.nodes[0] as { name: string; script: { path: string; content: string } };

// Keys whose node the emulator accepted a write for: an UpdateNode of a node by id, a CreateNode by path.
function acceptedKeys(emulator: Emulator): Set<string> {
  const keys = new Set<string>();
  for (const call of emulator.state.calls) {
    if (call.status !== 200) continue;
    if (call.action === 'UpdateNode') keys.add(`${STUDIO}/${call.parameters.Id}`);
    if (call.action === 'CreateNode') keys.add(`${STUDIO}/${nodeOf({ spec: call.parameters.Spec! } as HeldNode).script.path}`);
  }
  return keys;
}

function planTrials() {
  const random = createRandom(SEED);
  const calls = BY_ID + 2 * NAMED; // an UpdateNode per node by id; a ListNodes and a CreateNode per named task
  const kills: Kill[] = [
    { afterCalls: randomInt(random, 1, 4) }, // the first updates
    { afterCalls: randomInt(random, 8, BY_ID - 2) },
    { afterCalls: randomInt(random, BY_ID, BY_ID + 6) }, // the creates
    { afterCalls: randomInt(random, BY_ID + 8, calls - 6) },
    { afterCalls: randomInt(random, calls - 5, calls - 1) },
    { afterLastCallMs: randomInt(random, 0, 40) }, // the fold and the state write
  ];
  return kills.map((kill, i) => ({ trial: i + 1, kill, concurrency: i % 2 === 0 ? 4 : 8, latencyMs: randomInt(random, 20, 40) }));
}

type Started = { dir: string; emulator: Emulator; remove(): Promise<void>; output: string; killed: boolean };

// A fresh copy of the repository and a fresh emulator, apply started on a terminal and SIGKILLed as
// planned. `killed` is false when the run finished before the kill landed.
async function startAndKill(kill: Kill, concurrency: number, latencyMs: number): Promise<Started> {
  const trial = await startTrial(latencyMs);
  try {
    const run = startOnTerminal(['apply', '--qps', '0', '--concurrency', String(concurrency), '--endpoint', trial.emulator.url], trial.dir);
    const answered = () => trial.emulator.state.calls.filter((c) => c.status !== null).length;
    if ('afterCalls' in kill) await waitUntil(() => answered() >= kill.afterCalls, run.done);
    else {
      await waitUntil(() => answered() >= BY_ID + 2 * NAMED, run.done);
      await new Promise((resolve) => setTimeout(resolve, kill.afterLastCallMs));
    }
    const sent = await killNode(run);
    const first = await run.done;
    const killed = sent && first.code !== 0;
    if (!killed) expect(first.code, first.stdout).toBe(0); // it finished first: cleanly, at least
    return { ...trial, output: first.stdout, killed };
  } catch (error) {
    await trial.remove();
    throw error;
  }
}

// The keys a finished run's text report names as applied or created.
function readReportedKeys(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  return [...plain.matchAll(/^(?:applied|created)\s+(\S+)/gm)].map((match) => match[1]!);
}

describe(`apply on a 2024-05-18 workspace killed with SIGKILL (seed ${SEED})`, () => {
  it.each(planTrials())('trial $trial: kill $kill, concurrency $concurrency, latency $latencyMs ms', { timeout: 180_000 }, async ({ kill, concurrency, latencyMs }) => {
    tally.trials += 1;
    let started = await startAndKill(kill, concurrency, latencyMs);
    if (!started.killed) {
      // Too late to kill: what it printed is its final report, and every task it names is in the state.
      tally.finishedFirst += 1;
      const reported = readReportedKeys(started.output);
      const view = await readOutsideView(started.dir, started.emulator);
      expect(reported).toHaveLength(tasks.length);
      expect(reported.filter((key) => !view.applied.has(key))).toEqual([]);
      await started.remove();
      // Again, killed halfway through the calls: a busy machine can finish the last few before the kill lands.
      started = await startAndKill({ afterCalls: BY_ID + NAMED }, concurrency, latencyMs);
    }
    const { dir, emulator, remove } = started;
    try {
      expect(started.killed, 'the apply was killed').toBe(true);
      tally.kills += 1;
      await waitForQuiet(emulator, latencyMs);

      // 1. What it printed as done, against what a fresh process finds applied.
      const printed = readPrinted(started.output);
      tally.printedDone += printed.done;
      const before = await readOutsideView(dir, emulator);
      const accepted = acceptedKeys(emulator);
      const invented = [...before.applied].filter((key) => !accepted.has(key));
      const unrecorded = [...accepted].filter((key) => !before.applied.has(key));
      tally.acceptedUnrecorded += unrecorded.length;
      tally.createsAccepted += emulator.state.calls.filter((c) => c.action === 'CreateNode' && c.status === 200).length;
      const lost = Math.max(0, printed.done - before.applied.size) + Math.max(0, unrecorded.length - concurrency);
      tally.outcomesLost += lost;
      expect(printed.failed, started.output).toBe(false);
      expect(before.applied.size, `printed ${printed.done} done`).toBeGreaterThanOrEqual(printed.done);
      expect(invented).toEqual([]);
      expect(unrecorded.length, `accepted but not recorded: ${unrecorded.join(' ')}`).toBeLessThanOrEqual(concurrency);

      // 2. Rerun to completion: it takes over the dead run's lock and finishes; nothing recorded is sent again.
      const mark = emulator.state.calls.length;
      const second = await runCliAgainst(['apply', '--json', '--qps', '0', '--concurrency', String(concurrency)], dir, emulator);
      expect(second.code, second.stderr).toBe(0);
      const resent = emulator.state.calls.slice(mark).filter((c) => c.action === 'UpdateNode' && c.status === 200 && before.applied.has(`${STUDIO}/${c.parameters.Id}`));
      expect(resent).toEqual([]);
      const report = JSON.parse(second.stdout) as { results: Array<{ key: string; outcome: string; reason?: string }> };
      tally.createsAdopted += report.results.filter((r) => r.reason === 'adopted').length;

      // 3. One node per path, each holding its task's job; a fresh plan finds every task applied.
      const held = await heldNodes(emulator);
      const perPath = new Map<string, number>();
      for (const node of held) perPath.set(nodeOf(node).script.path, (perPath.get(nodeOf(node).script.path) ?? 0) + 1);
      expect([...perPath].filter(([, count]) => count !== 1)).toEqual([]);
      expect(held).toHaveLength(BY_ID + NAMED);
      for (const task of tasks) {
        const node = task.nodeId !== undefined ? held.find((n) => n.id === task.nodeId) : held.find((n) => nodeOf(n).script.path === `${task.folder}/${task.name}`);
        expect(node, task.key).toBeDefined();
        expect(JSON.parse(nodeOf(node!).script.content), task.key).toEqual(task.taskContent);
      }
      const after = await readOutsideView(dir, emulator);
      expect(tasks.map((t) => t.key).filter((key) => !after.applied.has(key))).toEqual([]);
      expect(after.leftovers).toEqual([]);
    } finally {
      await remove();
    }
  });
});
