import { access, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ApplyReport } from '../../src/core/plan/report.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import {
  acceptedUpdates,
  copyRepo,
  createRepoTemplate,
  keysHeldDifferently,
  runCliAgainst,
  runMainIn,
  spawnCli,
  waitForQuiet,
  waitUntil,
  type RepoTemplate,
} from '../support/crash-harness.js';

// Two applies on one state at once never both proceed; a lock left by a killed run
// is taken over; a lock that cannot be judged (another host) is refused until `dwsync unlock`.

const TASKS = 30;
const APPLY = ['apply', '--json', '--qps', '0', '--concurrency', '2'];
const ISO_SECONDS = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/;

let template: RepoTemplate;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  template = await createRepoTemplate(TASKS);
}, 60_000);
afterAll(() => template?.remove());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(latencyMs: number) {
  const repo = await copyRepo(template);
  const emulator = await startEmulator({ port: 0, latencyMs, seed: template.tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  cleanups.push(() => repo.remove(), () => emulator.close());
  const lockPath = `${repo.statePath}.lock`;
  const exists = (file: string) => access(file).then(() => true, () => false);
  return { repo, emulator, lockPath, exists };
}

function updateCalls(emulator: Emulator): number {
  return emulator.state.calls.filter((call) => call.action === 'UpdateDISyncTask').length;
}

describe('the state lock, between real processes', () => {
  it('lets exactly one of two concurrent applies proceed; the other exits 1 naming pid, host and start time', { timeout: 120_000 }, async () => {
    const { repo, emulator, lockPath, exists } = await setup(20);
    const first = spawnCli(APPLY, { cwd: repo.dir, emulator });
    expect(await waitUntil(async () => (await exists(lockPath)) && emulator.state.calls.length >= 1, first.done)).toBe(true);
    // Freeze the holder, so it still holds the lock however long the second run takes to start.
    first.child.kill('SIGSTOP');
    try {
      const second = await runCliAgainst(APPLY, repo.dir, emulator);
      expect(second.code, second.stderr).toBe(1);
      // --json: the refusal is the one JSON document on stdout.
      expect(JSON.parse(second.stdout)).toMatchObject({ formatVersion: 1, error: { kind: 'input', message: expect.stringContaining('locked by dwsync apply') } });
      expect(second.stderr).toContain(`locked by dwsync apply (pid ${first.child.pid} on host ${os.hostname()}, since `);
      expect(second.stderr).toMatch(ISO_SECONDS);
      const holder = JSON.parse(await readFile(lockPath, 'utf8')) as { pid: number; startedAt: string };
      expect(holder.pid).toBe(first.child.pid);
      expect(second.stderr).toContain(holder.startedAt.replace(/\.\d{3}Z$/, 'Z'));
    } finally {
      first.child.kill('SIGCONT');
    }
    const winner = await first.done;
    expect(winner.code, winner.stderr).toBe(0);
    const report = JSON.parse(winner.stdout) as ApplyReport;
    expect(report.summary.applied).toBe(TASKS);
    // The loser made no call: the emulator saw exactly the winner's attempts.
    expect(updateCalls(emulator)).toBe(report.results.reduce((sum, r) => sum + r.attempts, 0));
    expect([...acceptedUpdates(emulator).values()].every((ids) => ids.length === 1)).toBe(true);
    expect(await exists(lockPath)).toBe(false);
  });

  it('takes over the lock of a run killed with SIGKILL, automatically, and finishes its work', { timeout: 120_000 }, async () => {
    const { repo, emulator, lockPath, exists } = await setup(30);
    const killed = spawnCli(APPLY, { cwd: repo.dir, emulator });
    expect(await waitUntil(async () => (await exists(lockPath)) && emulator.state.calls.length >= 3, killed.done)).toBe(true);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    const left = JSON.parse(await readFile(lockPath, 'utf8')) as { pid: number; host: string };
    expect(left).toMatchObject({ pid: killed.child.pid, host: os.hostname() });

    const next = await runCliAgainst(APPLY, repo.dir, emulator);
    expect(next.code, next.stderr).toBe(0);
    expect(await exists(lockPath)).toBe(false);
    expect(keysHeldDifferently(emulator, template.tasks, template.tasks.map((t) => t.key))).toEqual([]);
    expect((await runMainIn(['plan', '--detailed-exitcode'], repo.dir, emulator)).code).toBe(0);
  });

  it('lets only one of two runs racing for a dead run\'s lock apply: no task is sent twice', { timeout: 120_000 }, async () => {
    const { repo, emulator, lockPath, exists } = await setup(20);
    const killed = spawnCli(APPLY, { cwd: repo.dir, emulator });
    expect(await waitUntil(async () => (await exists(lockPath)) && emulator.state.calls.length >= 1, killed.done)).toBe(true);
    killed.child.kill('SIGKILL');
    await killed.done;
    await waitForQuiet(emulator, 20); // its requests still in the emulator are answered (and applied)
    const mark = emulator.state.calls.length;

    // Whichever order they end up in, they must not both push: either one refuses naming the other,
    // or the second finds nothing left to do.
    const runs = await Promise.all([runCliAgainst(APPLY, repo.dir, emulator), runCliAgainst(APPLY, repo.dir, emulator)]);
    expect(runs.some((run) => run.code === 0)).toBe(true);
    for (const run of runs) {
      expect([0, 1], run.stderr).toContain(run.code);
      if (run.code === 1) expect(run.stderr).toMatch(/locked by dwsync apply \(pid \d+ on host /);
    }
    const sentAfter = acceptedUpdates(emulator, mark);
    expect([...sentAfter.values()].every((ids) => ids.length === 1)).toBe(true);
    expect(keysHeldDifferently(emulator, template.tasks, template.tasks.map((t) => t.key))).toEqual([]);
    expect((await runMainIn(['plan', '--detailed-exitcode'], repo.dir, emulator)).code).toBe(0);
    expect(await exists(lockPath)).toBe(false);
  });

  it('refuses a lock held on another host, and proceeds after `dwsync unlock`', { timeout: 120_000 }, async () => {
    const { repo, emulator, lockPath, exists } = await setup(0);
    await mkdir(`${repo.dir}/.dwsync`, { recursive: true });
    const holder = { pid: 4242, host: 'ci-runner-7.example', startedAt: '2024-05-06T07:08:09.000Z', command: 'dwsync apply', token: 'a' };
    await writeFile(lockPath, `${JSON.stringify(holder)}\n`);

    const refused = await runCliAgainst(APPLY, repo.dir, emulator);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('locked by dwsync apply (pid 4242 on host ci-runner-7.example, since 2024-05-06T07:08:09Z)');
    expect(refused.stderr).toContain('dwsync unlock');
    expect(updateCalls(emulator)).toBe(0);
    expect(await exists(lockPath)).toBe(true);

    const unlocked = await runCliAgainst(['unlock'], repo.dir, emulator);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stderr).toContain('ci-runner-7.example');
    expect(await exists(lockPath)).toBe(false);

    const applied = await runCliAgainst(APPLY, repo.dir, emulator);
    expect(applied.code, applied.stderr).toBe(0);
    expect(updateCalls(emulator)).toBe(TASKS);
    expect(await exists(lockPath)).toBe(false);
  });

  it('refuses an empty lock file while it may still be being written, and takes it over once it is old', { timeout: 120_000 }, async () => {
    const { repo, emulator, lockPath, exists } = await setup(0);
    await mkdir(`${repo.dir}/.dwsync`, { recursive: true });
    await writeFile(lockPath, '');

    const refused = await runCliAgainst(APPLY, repo.dir, emulator);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('being written or is damaged');
    expect(updateCalls(emulator)).toBe(0);

    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, minuteAgo, minuteAgo);
    const applied = await runCliAgainst(APPLY, repo.dir, emulator);
    expect(applied.code, applied.stderr).toBe(0);
    expect(updateCalls(emulator)).toBe(TASKS);
    expect(await exists(lockPath)).toBe(false);
  });
});
