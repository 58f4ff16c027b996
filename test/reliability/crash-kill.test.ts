import { access } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlanReport } from '../../src/core/report.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import {
  acceptedUpdates,
  copyRepo,
  createRandom,
  createRepoTemplate,
  keysHeldDifferently,
  randomInt,
  readStateReading,
  runCliAgainst,
  runMainIn,
  spawnCli,
  waitForQuiet,
  waitUntil,
  type RepoTemplate,
} from '../support/crash-harness.js';

// Issue #6, part 1: `apply` killed with SIGKILL at random moments loses nothing it had recorded, leaves
// a state the next run reads, and the next run re-sends at most the calls that were in flight.
// DWSYNC_LONG_CRASH=1 runs 200 trials instead of 20.

const LONG = process.env.DWSYNC_LONG_CRASH === '1';
const TRIALS = LONG ? 200 : 20;
const TASKS = LONG ? 300 : 100;
const CONCURRENCY = 8;
const SEED = 0x5eed_0006;
const APPLY = ['apply', '--json', '--qps', '0', '--concurrency', String(CONCURRENCY)];

type KillPlan = { mode: 'calls'; calls: number } | { mode: 'time'; ms: number } | { mode: 'end'; ms: number };

const tally = { trials: 0, kills: 0, finishedFirst: 0, outcomesLost: 0, callsResent: 0, maxResentInTrial: 0, acceptedUnrecorded: 0, journalsLeft: 0 };
let template: RepoTemplate;

beforeAll(async () => {
  template = await createRepoTemplate(TASKS);
}, 60_000);

afterAll(async () => {
  await template?.remove();
  console.log(`[crash-kill] ${JSON.stringify({ seed: SEED, tasks: TASKS, concurrency: CONCURRENCY, ...tally })}`);
});

// Mostly after a random number of accepted calls (measured at the emulator, not by time); some
// early by time (start-up, lock, state open), some after the last call (the fold and state write).
// The mode cycles with the trial number so that every kind is covered whatever the seed.
function planKill(trial: number, random: () => number): KillPlan {
  const slot = trial % 10;
  if (slot < 7) return { mode: 'calls', calls: randomInt(random, 1, TASKS - 1) };
  if (slot === 7) return { mode: 'time', ms: randomInt(random, 0, 2500) };
  return { mode: 'end', ms: randomInt(random, 0, 60) };
}

type Started = { repo: Awaited<ReturnType<typeof copyRepo>>; emulator: Emulator; killed: boolean; remove(): Promise<void> };

// A fresh repository and emulator, apply started and SIGKILLed as planned. `killed` is false when the
// run finished before the kill landed (possible when killing after the last call).
async function startAndKill(kill: KillPlan, latencyMs: number): Promise<Started> {
  const repo = await copyRepo(template);
  const emulator = await startEmulator({ port: 0, latencyMs, seed: template.tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  const remove = async () => {
    await emulator.close();
    await repo.remove();
  };
  try {
    const run = spawnCli(APPLY, { cwd: repo.dir, emulator });
    const accepted = () => emulator.state.calls.length;
    if (kill.mode === 'calls') await waitUntil(() => accepted() >= kill.calls, run.done);
    if (kill.mode === 'end') await waitUntil(() => accepted() >= TASKS, run.done);
    if (kill.mode !== 'calls') await new Promise((resolve) => setTimeout(resolve, kill.ms));
    const sent = run.child.kill('SIGKILL');
    const first = await run.done;
    const killed = sent && first.signal === 'SIGKILL';
    if (!killed) expect(first.code, first.stderr).toBe(0); // it finished first: cleanly, at least
    return { repo, emulator, killed, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

describe(`apply killed with SIGKILL (${TRIALS} trials, seed ${SEED})`, () => {
  const random = createRandom(SEED);
  const trials = Array.from({ length: TRIALS }, (_, i) => ({
    trial: i + 1,
    kill: planKill(i, random),
    // Used when the planned kill came too late: every trial ends with a kill.
    fallback: { mode: 'calls', calls: randomInt(random, 1, TASKS - 10) } as KillPlan,
    latencyMs: randomInt(random, 20, 40),
  }));

  it.each(trials)('trial $trial: kill $kill.mode, latency $latencyMs ms', { timeout: 120_000 }, async ({ kill, fallback, latencyMs }) => {
    tally.trials += 1;
    let started = await startAndKill(kill, latencyMs);
    if (!started.killed) {
      tally.finishedFirst += 1;
      await started.remove();
      started = await startAndKill(fallback, latencyMs);
    }
    const { repo, emulator } = started;
    try {
      expect(started.killed).toBe(true);
      tally.kills += 1;
      await waitForQuiet(emulator, latencyMs);

      // 2. The state reads back, with the journal folded (plan folds in memory only).
      const planned = await runMainIn(['plan', '--json'], repo.dir, emulator);
      expect(planned.code, planned.stderr).toBe(0);
      const before = await readStateReading(repo.statePath);
      const unchanged = (JSON.parse(planned.stdout) as PlanReport).changes.filter((c) => c.action === 'unchanged').map((c) => c.key);
      expect(new Set(unchanged)).toEqual(before.applied);
      if (before.journalFound) tally.journalsLeft += 1;
      const acceptedBefore = acceptedUpdates(emulator);

      // 3. Every task recorded as applied is held by the emulator exactly as declared, by a call the
      //    emulator really answered with that request id.
      expect(keysHeldDifferently(emulator, template.tasks, before.applied)).toEqual([]);
      for (const key of before.applied) {
        expect(acceptedBefore.get(key) ?? [], key).toContain(before.state.tasks[key]!.applied!.requestId);
      }
      // Every outcome the journal had made durable is in the state the next run reads.
      const lostInFold = [...before.journalApplied].filter((key) => !before.applied.has(key));
      expect(lostInFold).toEqual([]);
      // Accepted but not recorded: only calls whose answer had not yet been journaled, one per slot.
      const unrecorded = [...acceptedBefore.keys()].filter((key) => !before.applied.has(key));
      expect(unrecorded.length).toBeLessThanOrEqual(CONCURRENCY);
      tally.acceptedUnrecorded += unrecorded.length;

      // 4. The next run takes over the dead run's lock, sends every task not recorded as applied once,
      //    and nothing recorded as applied again.
      const mark = emulator.state.calls.length;
      const second = await runCliAgainst(APPLY, repo.dir, emulator);
      expect(second.code, second.stderr).toBe(0);
      const sent = acceptedUpdates(emulator, mark);
      const resentRecorded = [...sent.keys()].filter((key) => before.applied.has(key));
      const resent = [...sent.keys()].filter((key) => acceptedBefore.has(key));
      expect(resentRecorded).toEqual([]);
      expect(resent.length).toBeLessThanOrEqual(CONCURRENCY);
      expect([...sent.values()].every((ids) => ids.length === 1)).toBe(true);
      expect(sent.size).toBe(TASKS - before.applied.size);
      tally.outcomesLost += lostInFold.length + resentRecorded.length;
      tally.callsResent += resent.length;
      tally.maxResentInTrial = Math.max(tally.maxResentInTrial, resent.length);

      // 5. Converged: nothing left to do, the emulator holds every task as declared, no leftovers.
      const after = await runMainIn(['plan', '--detailed-exitcode'], repo.dir, emulator);
      expect(after.code, after.stdout + after.stderr).toBe(0);
      expect(keysHeldDifferently(emulator, template.tasks, template.tasks.map((t) => t.key))).toEqual([]);
      const final = await readStateReading(repo.statePath);
      expect(final.journalFound).toBe(false);
      expect(final.applied.size).toBe(TASKS);
      await expect(access(`${repo.statePath}.lock`)).rejects.toThrow();
    } finally {
      await started.remove();
    }
  });

  it('lost no outcome over all trials', () => {
    expect(tally.outcomesLost).toBe(0);
    expect(tally.kills).toBe(TRIALS);
  });
});
