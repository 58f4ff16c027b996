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

  it('after a throttle, keeps to the number of calls the service admitted in a second', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(0, clock) as ReturnType<typeof createLimiter> & { learnedLimit(): number | null };
    for (let i = 0; i < 13; i++) {
      await limiter.take();
      await clock.advance(25);
      if (i < 12) limiter.onSuccess!(); // 12 admitted, then throttled
      else limiter.onThrottle!();
    }
    const take = limiter.take();
    await clock.runAll(100);
    await take;
    expect(limiter.learnedLimit()).toBe(12);
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

  it('with a ceiling, still learns a lower limit from a throttle', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(10, clock) as ReturnType<typeof createLimiter> & { currentQps(): number };
    expect(limiter.currentQps()).toBeCloseTo(9.7);
    for (let i = 0; i < 5; i++) {
      const take = limiter.take();
      await clock.runAll(100);
      await take;
      limiter.onSuccess!();
    }
    limiter.onThrottle!();
    await clock.advance(1000);
    limiter.onSuccess!();
    expect(limiter.currentQps()).toBeCloseTo(5 * 0.97);
  });
});
