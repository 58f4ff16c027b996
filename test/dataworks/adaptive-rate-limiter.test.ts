import { describe, expect, it } from 'vitest';
import { createAdaptiveRateLimiter, THROTTLE_DECREASE } from '../../src/dataworks/adaptive-rate-limiter.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('createAdaptiveRateLimiter', () => {
  it('cuts the rate by production\'s 30% on a throttle, at most once per window, not below the floor', async () => {
    expect(THROTTLE_DECREASE).toBe(0.7);
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 8, minQps: 0.5 });
    limiter.onThrottle();
    limiter.onThrottle(); // same window: a burst of throttles in flight
    limiter.onThrottle();
    expect(limiter.currentQps()).toBeCloseTo(5.6, 9);
    for (const expected of [3.92, 2.744, 1.9208, 1.34456, 0.941192, 0.6588344, 0.5, 0.5]) {
      await clock.advance(1000);
      limiter.onThrottle();
      expect(limiter.currentQps()).toBeCloseTo(expected, 9);
    }
  });

  it('adds one qps per quiet second up to the initial rate', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 6 });
    limiter.onThrottle();
    await clock.advance(1000);
    limiter.onThrottle();
    expect(limiter.currentQps()).toBeCloseTo(2.94, 9); // 6 × 0.7 × 0.7
    await clock.advance(999);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBeCloseTo(2.94, 9);
    await clock.advance(1);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBeCloseTo(3.94, 9);
    await clock.advance(2500);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBeCloseTo(5.94, 9);
    await clock.advance(10_000);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBe(6);
  });

  it('paces takes at the current rate', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 4 });
    limiter.onThrottle(); // 2.8 qps
    const start = clock.now();
    const granted: number[] = [];
    const all = Array.from({ length: 3 }, () => limiter.take().then(() => granted.push(clock.now() - start)));
    await clock.runAll(10);
    await Promise.all(all);
    expect(granted.map(Math.round)).toEqual([0, 357, 714]); // 1000 / 2.8 ms apart
  });
});
