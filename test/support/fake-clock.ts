import type { Clock } from '../../src/ports.js';

// Virtual time for tests. Sleepers wake only when the test advances time, in the order of their
// wake-up time (ties in the order they started sleeping). Nothing here waits for real.
export type FakeClock = Clock & {
  advance(ms: number): Promise<void>;
  runAll(limit?: number): Promise<void>; // advance until nobody sleeps (bounded)
  sleepers(): number;
  sleeps: number[]; // every requested sleep, in order
};

type Sleeper = { at: number; seq: number; resolve: () => void };

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let seq = 0;
  let pending: Sleeper[] = [];
  const sleeps: number[] = [];

  // Let promise chains that a wake-up started run before looking at the sleepers again.
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  function next(): Sleeper | undefined {
    return [...pending].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  }

  async function wake(sleeper: Sleeper): Promise<void> {
    pending = pending.filter((s) => s !== sleeper);
    now = Math.max(now, sleeper.at);
    sleeper.resolve();
    await settle();
  }

  return {
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const sleeper: Sleeper = { at: now + Math.max(0, ms), seq: seq++, resolve };
        pending.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            pending = pending.filter((s) => s !== sleeper);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (let sleeper = next(); sleeper && sleeper.at <= target; sleeper = next()) await wake(sleeper);
      now = target;
      await settle();
    },
    async runAll(limit = 10_000) {
      await settle();
      for (let i = 0; i < limit; i++) {
        const sleeper = next();
        if (!sleeper) return;
        await wake(sleeper);
      }
      throw new Error(`fake clock: still ${pending.length} sleepers after ${limit} wake-ups`);
    },
    sleepers: () => pending.length,
    sleeps,
  };
}
