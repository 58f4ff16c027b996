import { describe, expect, it } from 'vitest';

import { createLimiter } from '../../src/dataworks/create-limiter.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('createLimiter', () => {
  it('with no ceiling, lets every call start at once until the service throttles', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(0, clock);
    for (let i = 0; i < 200; i++) await limiter.take();
    expect(clock.sleeps).toEqual([]);
  });

  it('after a throttle, holds to 70% of the rate that drew it', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(0, clock);
    for (let i = 0; i < 40; i++) {
      await limiter.take();
      await clock.advance(25); // 40 calls a second
    }
    limiter.onThrottle!();
    const start = clock.now();
    const taken = [];
    for (let i = 0; i < 21; i++) {
      const take = limiter.take();
      await clock.runAll(100);
      await take;
      taken.push(clock.now() - start);
    }
    // The last second held 39 calls (the 40th started exactly a second ago): 20 intervals at
    // 39 × 0.7 = 27.3 qps take 733 ms, not less.
    expect(taken.at(-1)).toBeGreaterThanOrEqual(725);
    expect(taken.at(-1)).toBeLessThanOrEqual(740);
  });

  it('with a ceiling, starts calls 3% below it, never faster', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(5, clock);
    const start = clock.now();
    for (let i = 0; i < 11; i++) {
      const take = limiter.take();
      await clock.runAll(100);
      await take;
    }
    // 10 intervals at 5 × 0.97 qps.
    expect(clock.now() - start).toBeGreaterThanOrEqual(2000);
    expect(clock.now() - start).toBeCloseTo(10_000 / 4.85, -1);
  });

  it('cuts the rate by 30% on a throttle, then recovers by 1 qps a quiet second', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(10, clock) as ReturnType<typeof createLimiter> & { currentQps(): number };
    expect(limiter.currentQps()).toBeCloseTo(9.7);
    limiter.onThrottle!();
    expect(limiter.currentQps()).toBeCloseTo(6.79);
    await clock.advance(2000);
    limiter.onSuccess!();
    expect(limiter.currentQps()).toBeCloseTo(8.79);
  });
});

