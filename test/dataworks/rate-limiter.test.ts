import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/dataworks/rate-limiter.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('createRateLimiter', () => {
  it.each([
    [10, 5],
    [21, 3],
    [7, 0.5],
  ])('%i takes at %f qps span (N-1)/qps virtual seconds', async (n, qps) => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ qps, clock });
    const start = clock.now();
    const granted: number[] = [];
    const all = Array.from({ length: n }, () => limiter.take().then(() => granted.push(clock.now() - start)));
    await clock.runAll(n * 2);
    await Promise.all(all);
    expect(granted).toHaveLength(n);
    expect(granted.at(-1)).toBeCloseTo(((n - 1) / qps) * 1000, 2);
    // No second-long window ever holds more than qps grants (the clock's epoch-sized numbers
    // carry about 1e-3 ms of rounding, hence the margin).
    for (const at of granted) {
      expect(granted.filter((t) => t >= at && t < at + 1000 - 0.01).length).toBeLessThanOrEqual(Math.max(1, Math.ceil(qps)));
    }
  });

  it('serves waiters first come, first served', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ qps: 2, clock });
    const order: number[] = [];
    const all = [0, 1, 2, 3, 4].map((i) => limiter.take().then(() => order.push(i)));
    await clock.runAll(20);
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('allows a burst when asked, then holds the rate', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ qps: 4, burst: 3, clock });
    const start = clock.now();
    const granted: number[] = [];
    const all = Array.from({ length: 5 }, () => limiter.take().then(() => granted.push(clock.now() - start)));
    await clock.runAll(20);
    await Promise.all(all);
    expect(granted).toEqual([0, 0, 0, 250, 500]);
  });

  it('qps 0 means no ceiling', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ qps: 0, clock });
    for (let i = 0; i < 100; i++) await limiter.take();
    expect(clock.sleeps).toEqual([]);
  });

  it('an aborted waiter leaves the queue and the others keep their turn', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ qps: 1, clock });
    const controller = new AbortController();
    await limiter.take();
    const order: string[] = [];
    const a = limiter.take(controller.signal).then(
      () => order.push('a'),
      () => order.push('a aborted'),
    );
    const b = limiter.take().then(() => order.push('b'));
    controller.abort(new Error('stop'));
    await clock.runAll(10);
    await Promise.all([a, b]);
    expect(order).toEqual(['a aborted', 'b']);
    expect(clock.now() - 1_700_000_000_000).toBe(1000);
  });
});
