import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ApplyReport } from '../../src/core/plan/report.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { CliRun } from '../support/run-cli.js';
import {
  acceptedUpdates,
  copyRepo,
  createRandom,
  createRepoTemplate,
  keysHeldDifferently,
  randomInt,
  readOutsideView,
  runCliAgainst,
  spawnCli,
  waitForQuiet,
  waitUntil,
  type RepoTemplate,
} from '../support/crash-harness.js';

// The gentle way: SIGTERM or Ctrl-C (SIGINT) during apply stops new calls, lets the calls in flight
// finish and records them, records the rest as skipped (interrupted) and exits 3. A second signal exits
// 130 at once and still loses nothing that was recorded. Judged from outside (the emulator's calls, a
// fresh process's plan); each trial stands alone and counts its losses before asserting.

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
      const apply = ['apply', '--json', '--qps', String(qps), '--concurrency', String(CONCURRENCY)];
      // A run that finished before the signal landed proves nothing: try again, signalling sooner.
      let attempt = await interrupt(apply, { signal, twice, afterCalls, latencyMs });
      if (attempt.first.code === 0) {
        tally.finishedFirst += 1;
        await attempt.remove();
        attempt = await interrupt(apply, { signal, twice, afterCalls: 2, latencyMs });
      }
      const { repo, emulator, first } = attempt;
      try {
        expect(first.code, `interrupted, not finished: ${first.stderr}`).not.toBe(0);
        tally.interrupted += 1;
        await waitForQuiet(emulator, latencyMs);
        const accepted = acceptedUpdates(emulator);
        const view = await readOutsideView(repo.dir, emulator);
        const invented = [...view.applied].filter((key) => !accepted.has(key));
        const heldWrong = keysHeldDifferently(emulator, template.tasks, view.applied);
        const wrongId = [...view.applied].filter((key) => !(accepted.get(key) ?? []).some((id) => id !== '' && view.stateText.includes(id)));
        const unrecorded = [...accepted.keys()].filter((key) => !view.applied.has(key));
        const quitAtOnce = twice && first.code === 130;

        // The next run applies the rest, sends nothing recorded as applied again, and converges.
        const mark = emulator.state.calls.length;
        const second = await runCliAgainst(apply, repo.dir, emulator);
        const sent = acceptedUpdates(emulator, mark);
        const resentRecorded = [...sent.keys()].filter((key) => view.applied.has(key));
        const resent = [...sent.keys()].filter((key) => accepted.has(key)).length;
        const after = await readOutsideView(repo.dir, emulator);

        // Counted before any assertion can stop the trial. After one signal every accepted call must be
        // recorded; after two, those in flight may be lost, one per slot at most.
        const lost = (quitAtOnce ? Math.max(0, unrecorded.length - CONCURRENCY) : unrecorded.length) + resentRecorded.length;
        tally.outcomesLost += lost;
        if (quitAtOnce) tally.quitAtOnce += 1;
        else tally.recordedInFlight += view.applied.size;
        if (quitAtOnce) tally.resentAfterTwo += resent;
        else tally.resentAfterOneSignal += resent;

        expect({ invented, heldWrong, wrongId }).toEqual({ invented: [], heldWrong: [], wrongId: [] });
        expect(lost, `accepted but unrecorded: ${unrecorded.join(' ')}; resent although recorded: ${resentRecorded.join(' ')}`).toBe(0);
        // A second signal that comes after the calls in flight finished finds the run already done.
        if (twice) expect([3, 130], first.stderr).toContain(first.code);
        if (!quitAtOnce) {
          // Exits by itself (not by the guard), with 3, the journal folded and the lock released.
          expect({ code: first.code, signal: first.signal }, first.stderr).toEqual({ code: 3, signal: null });
          expect(first.stderr).toContain(`${signal}: finishing the calls in flight`);
          expect(view.leftovers).toEqual([]);
          const report = JSON.parse(first.stdout) as ApplyReport;
          const skipped = report.results.filter((r) => r.outcome === 'skipped');
          expect(skipped.length).toBeGreaterThan(0);
          expect(skipped.filter((r) => r.reason !== 'interrupted')).toEqual([]);
          expect(report.summary).toEqual({ created: 0, applied: view.applied.size, failed: 0, unchanged: 0, skipped: TASKS - view.applied.size, deleted: 0 });
          // The skipped ones are still to do in the next plan.
          expect(view.plan.changes.filter((c) => c.action === 'update').map((c) => c.key).sort()).toEqual(skipped.map((r) => r.key).sort());
          expect(resent).toBe(0);
        }
        expect(second.code, second.stderr).toBe(0);
        expect(sent.size).toBe(TASKS - view.applied.size);
        expect(after.applied.size).toBe(TASKS);
        expect(keysHeldDifferently(emulator, template.tasks, template.tasks.map((t) => t.key))).toEqual([]);
      } finally {
        await attempt.remove();
      }
    },
  );
});

type Interrupted = { repo: Awaited<ReturnType<typeof copyRepo>>; emulator: Emulator; first: CliRun; remove(): Promise<void> };

async function interrupt(
  apply: string[],
  options: { signal: 'SIGTERM' | 'SIGINT'; twice: boolean; afterCalls: number; latencyMs: number },
): Promise<Interrupted> {
  const repo = await copyRepo(template);
  const emulator = await startEmulator({ port: 0, latencyMs: options.latencyMs, seed: template.tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  const remove = async () => {
    await emulator.close();
    await repo.remove();
  };
  const run = spawnCli(apply, { cwd: repo.dir, emulator });
  await waitUntil(() => emulator.state.calls.length >= options.afterCalls, run.done);
  run.child.kill(options.signal);
  if (options.twice) {
    // The second signal only after the first was seen, or it could be the first one.
    await waitUntil(() => run.stderr().includes('finishing the calls in flight'), run.done, 10_000);
    run.child.kill(options.signal);
  }
  return { repo, emulator, first: await run.done, remove };
}
