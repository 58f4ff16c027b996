import { describe, expect, it } from 'vitest';
import { createAdaptiveRateLimiter } from '../../src/dataworks/adaptive-rate-limiter.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('createAdaptiveRateLimiter', () => {
  it('halves on a throttle, at most once per window, not below the floor', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 8, minQps: 0.5 });
    limiter.onThrottle();
    limiter.onThrottle(); // same window: a burst of throttles in flight
    limiter.onThrottle();
    expect(limiter.currentQps()).toBe(4);
    for (const expected of [2, 1, 0.5, 0.5]) {
      await clock.advance(1000);
      limiter.onThrottle();
      expect(limiter.currentQps()).toBe(expected);
    }
  });

  it('adds one qps per quiet second up to the initial rate', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 6 });
    limiter.onThrottle();
    await clock.advance(1000);
    limiter.onThrottle();
    expect(limiter.currentQps()).toBe(1.5);
    await clock.advance(999);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBe(1.5);
    await clock.advance(1);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBe(2.5);
    await clock.advance(2500);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBe(4.5);
    await clock.advance(10_000);
    limiter.onSuccess();
    expect(limiter.currentQps()).toBe(6);
  });

  it('paces takes at the current rate', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 4 });
    limiter.onThrottle(); // 2 qps
    const start = clock.now();
    const granted: number[] = [];
    const all = Array.from({ length: 3 }, () => limiter.take().then(() => granted.push(clock.now() - start)));
    await clock.runAll(10);
    await Promise.all(all);
    expect(granted).toEqual([0, 500, 1000]);
  });
});
