import { describe, expect, it } from 'vitest';

import { createLimiter } from '../../src/apply/create-limiter.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('createLimiter', () => {
  it('with no ceiling, lets every call start at once until the service throttles', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter(0, clock);
    for (let i = 0; i < 200; i++) await limiter.take();
    expect(clock.sleeps).toEqual([]);
  });

  it('after a throttle, holds to half the rate that drew it', async () => {
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
    // 20 intervals at 20 qps: one second, not faster.
    expect(taken.at(-1)).toBeGreaterThanOrEqual(950);
    expect(taken.at(-1)).toBeLessThanOrEqual(1050);
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
});
