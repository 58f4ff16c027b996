import { describe, expect, it } from 'vitest';
import { createAdaptiveRateLimiter, type AdaptiveRateLimiter } from '../../src/dataworks/adaptive-rate-limiter.js';
import { createFakeClock, type FakeClock } from '../support/fake-clock.js';

// A service that admits `limit` calls in any sliding second, as DataWorks' flow control does.
function fakeService(clock: FakeClock, limit: number) {
  const admitted: number[] = [];
  return {
    call(): 'ok' | 'throttled' {
      const now = clock.now();
      while (admitted.length > 0 && now - admitted[0]! >= 1000) admitted.shift();
      if (admitted.length >= limit) return 'throttled';
      admitted.push(now);
      return 'ok';
    },
  };
}

// Starts `count` calls one after another through the limiter (each answered `latencyMs` later) and
// returns when each started and how many were throttled (throttled calls are not retried here).
async function drive(clock: FakeClock, limiter: AdaptiveRateLimiter, service: ReturnType<typeof fakeService>, count: number, latencyMs = 20) {
  const started: number[] = [];
  let throttled = 0;
  for (let i = 0; i < count; i++) {
    const take = limiter.take();
    await clock.runAll(100);
    await take;
    started.push(clock.now());
    const answer = service.call();
    await clock.advance(latencyMs);
    if (answer === 'ok') limiter.onSuccess();
    else {
      throttled++;
      limiter.onThrottle();
    }
  }
  return { started, throttled };
}

function mostInOneSecond(times: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('createAdaptiveRateLimiter', () => {
  it('with no ceiling, lets calls start at once until the service throttles', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock });
    for (let i = 0; i < 100; i++) await limiter.take();
    expect(clock.sleeps).toEqual([]);
    expect(limiter.currentQps()).toBe(0);
  });

  for (const limit of [5, 10, 20]) {
    it(`learns an unknown limit of ${limit}/s from the calls admitted, then uses 97 % of it without another throttle`, async () => {
      const clock = createFakeClock();
      const limiter = createAdaptiveRateLimiter({ clock });
      const service = fakeService(clock, limit);
      const { started, throttled } = await drive(clock, limiter, service, limit * 30);
      expect(limiter.learnedLimit()).toBe(limit);
      expect(throttled).toBe(1); // the first call past the limit, and no other
      const steady = started.slice(limit + 1);
      const rate = ((steady.length - 1) * 1000) / (steady.at(-1)! - steady[0]!);
      expect(rate).toBeGreaterThanOrEqual(limit * 0.95);
      expect(rate).toBeLessThanOrEqual(limit);
      expect(mostInOneSecond(steady)).toBeLessThanOrEqual(limit);
    });
  }

  it('counts the busiest second, so a throttle while pacing slower than the limit does not lower it', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock });
    for (let i = 0; i < 8; i++) {
      await limiter.take();
      limiter.onSuccess();
      await clock.advance(50);
    }
    limiter.onThrottle();
    await clock.advance(1000);
    limiter.onSuccess();
    expect(limiter.learnedLimit()).toBe(8);
    expect(limiter.currentQps()).toBeCloseTo(8 * 0.97);
  });

  it('follows a limit that drops', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock });
    await drive(clock, limiter, fakeService(clock, 10), 40);
    expect(limiter.learnedLimit()).toBe(10);
    const { throttled } = await drive(clock, limiter, fakeService(clock, 4), 40);
    expect(limiter.learnedLimit()).toBe(4);
    expect(throttled).toBeLessThanOrEqual(5); // a second or two of answers counted at the old rate
    const { throttled: after } = await drive(clock, limiter, fakeService(clock, 4), 40);
    expect(after).toBe(0);
  });

  it('holds every call until a Retry-After has passed', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock });
    limiter.onThrottle({ retryAfterMs: 3000 });
    const start = clock.now();
    const take = limiter.take();
    await clock.runAll(100);
    await take;
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);
    expect(limiter.learnedLimit()).toBeNull(); // nothing was admitted, so nothing to count
  });

  it('never exceeds a ceiling it was given, learned limit or not', async () => {
    const clock = createFakeClock();
    const limiter = createAdaptiveRateLimiter({ clock, initialQps: 4 });
    const { started } = await drive(clock, limiter, fakeService(clock, 10), 21);
    expect(started.at(-1)! - started[0]!).toBeGreaterThanOrEqual(5000);
    expect(limiter.currentQps()).toBe(4);
  });
});
