import { access } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ApplyReport } from '../../src/core/report.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
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

// Issue #6, part 1, the gentle way: SIGTERM or Ctrl-C (SIGINT) during apply stops new calls, lets the
// calls in flight finish and records them, records the rest as skipped (interrupted) and exits 3.
// A second signal exits 130 at once and still loses nothing that was recorded.

const TASKS = 100;
const CONCURRENCY = 8;
const SEED = 0x5eed_0007;

type Trial = { trial: number; signal: 'SIGTERM' | 'SIGINT'; twice: boolean; qps: number; afterCalls: number; latencyMs: number };

const tally = { trials: 0, interrupted: 0, quitAtOnce: 0, finishedFirst: 0, recordedInFlight: 0, outcomesLost: 0, resentAfterOneSignal: 0, resentAfterTwo: 0 };
let template: RepoTemplate;

beforeAll(async () => {
  template = await createRepoTemplate(TASKS);
}, 60_000);

afterAll(async () => {
  await template?.remove();
  console.log(`[interrupt] ${JSON.stringify({ seed: SEED, tasks: TASKS, concurrency: CONCURRENCY, ...tally })}`);
});

function planTrials(): Trial[] {
  const random = createRandom(SEED);
  const kinds: Array<Pick<Trial, 'signal' | 'twice' | 'qps'>> = [
    ...Array.from({ length: 2 }, () => ({ signal: 'SIGTERM' as const, twice: false, qps: 0 })),
    ...Array.from({ length: 2 }, () => ({ signal: 'SIGINT' as const, twice: false, qps: 0 })),
    // With a QPS ceiling, calls wait in the rate limiter: an interrupt must not turn them into failures.
    { signal: 'SIGTERM', twice: false, qps: 40 },
    { signal: 'SIGINT', twice: false, qps: 40 },
    { signal: 'SIGINT', twice: true, qps: 0 },
    { signal: 'SIGTERM', twice: true, qps: 0 },
  ];
  return kinds.map((kind, i) => ({ trial: i + 1, ...kind, afterCalls: randomInt(random, 2, TASKS / 2), latencyMs: randomInt(random, 50, 80) }));
}

describe(`apply interrupted by SIGTERM or SIGINT (seed ${SEED})`, () => {
  it.each(planTrials())(
    'trial $trial: $signal (twice: $twice, qps $qps) after $afterCalls calls',
    { timeout: 120_000 },
    async ({ signal, twice, qps, afterCalls, latencyMs }) => {
      tally.trials += 1;
      const repo = await copyRepo(template);
      const emulator = await startEmulator({ port: 0, latencyMs, seed: template.tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
      const apply = ['apply', '--json', '--qps', String(qps), '--concurrency', String(CONCURRENCY)];
      try {
        const run = spawnCli(apply, { cwd: repo.dir, emulator });
        await waitUntil(() => emulator.state.calls.length >= afterCalls, run.done);
        run.child.kill(signal);
        if (twice) {
          // The second signal only after the first was seen, or it could be the first one.
          await waitUntil(() => run.stderr().includes('finishing the calls in flight'), run.done, 10_000);
          run.child.kill(signal);
        }
        const first = await run.done;
        if (first.code === 0) {
          tally.finishedFirst += 1; // it finished before the signal arrived
          return;
        }
        tally.interrupted += 1;
        await waitForQuiet(emulator, latencyMs);
        const accepted = acceptedUpdates(emulator);
        const reading = await readStateReading(repo.statePath);

        // Nothing recorded as applied that the emulator does not hold as declared, by that very call.
        expect(keysHeldDifferently(emulator, template.tasks, reading.applied)).toEqual([]);
        for (const key of reading.applied) expect(accepted.get(key) ?? [], key).toContain(reading.state.tasks[key]!.applied!.requestId);

        // A second signal that comes after the calls in flight finished finds the run already done.
        if (twice) expect([3, 130], first.stderr).toContain(first.code);
        if (twice && first.code === 130) {
          tally.quitAtOnce += 1;
          expect([...accepted.keys()].filter((key) => !reading.applied.has(key)).length).toBeLessThanOrEqual(CONCURRENCY);
        } else {
          // Exits by itself (not by the guard), with 3, the state folded and the lock released.
          expect({ code: first.code, signal: first.signal }, first.stderr).toEqual({ code: 3, signal: null });
          expect(first.stderr).toContain(`${signal}: finishing the calls in flight`);
          expect(reading.journalFound).toBe(false);
          await expect(access(`${repo.statePath}.lock`)).rejects.toThrow();
          // Every call the emulator answered with success is recorded applied, including those in flight.
          expect(new Set(accepted.keys())).toEqual(reading.applied);
          const others = template.tasks.filter((task) => !reading.applied.has(task.key));
          expect(others.length).toBeGreaterThan(0);
          for (const task of others) {
            expect(reading.state.tasks[task.key], task.key).toMatchObject({ applied: null, lastAttempt: { outcome: 'skipped', reason: 'interrupted' } });
          }
          const report = JSON.parse(first.stdout) as ApplyReport;
          expect(report.summary).toEqual({ created: 0, applied: reading.applied.size, failed: 0, unchanged: 0, skipped: others.length, deleted: 0 });
          tally.recordedInFlight += reading.applied.size;
        }

        // The next run applies the rest, sends nothing recorded as applied again, and converges.
        const mark = emulator.state.calls.length;
        const second = await runCliAgainst(apply, repo.dir, emulator);
        expect(second.code, second.stderr).toBe(0);
        const sent = acceptedUpdates(emulator, mark);
        const resentRecorded = [...sent.keys()].filter((key) => reading.applied.has(key));
        expect(resentRecorded).toEqual([]);
        expect(sent.size).toBe(TASKS - reading.applied.size);
        tally.outcomesLost += resentRecorded.length;
        const resent = [...sent.keys()].filter((key) => accepted.has(key)).length;
        if (first.code === 130) tally.resentAfterTwo += resent;
        else tally.resentAfterOneSignal += resent;
        const after = await runMainIn(['plan', '--detailed-exitcode'], repo.dir, emulator);
        expect(after.code, after.stdout + after.stderr).toBe(0);
        expect(keysHeldDifferently(emulator, template.tasks, template.tasks.map((t) => t.key))).toEqual([]);
      } finally {
        await emulator.close();
        await repo.remove();
      }
    },
  );

  it('lost no outcome and re-sent nothing after a single signal', () => {
    expect(tally.outcomesLost).toBe(0);
    expect(tally.resentAfterOneSignal).toBe(0);
    expect(tally.interrupted).toBeGreaterThanOrEqual(tally.trials - 2);
  });
});
