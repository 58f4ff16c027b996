import { describe, expect, it } from 'vitest';
import { attemptsOf, callWithRetry, computeBackoffMs, defaultRetryPolicy } from '../../src/dataworks/call-with-retry.js';
import type { RateLimiter } from '../../src/ports.js';
import { RemoteError, UserInputError } from '../../src/errors.js';
import { createFakeClock } from '../support/fake-clock.js';

function remote(fields: Partial<ConstructorParameters<typeof RemoteError>[0]> = {}): RemoteError {
  return new RemoteError({ message: 'm', status: 503, code: 'ServiceUnavailable', retryable: true, ...fields });
}

// fn fails with the given errors in turn, then returns 'ok'.
function failing(errors: unknown[]): { fn: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    fn: async () => {
      const err = errors[calls++];
      if (err !== undefined) throw err;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('callWithRetry', () => {
  it('backs off exponentially with full jitter, capped', async () => {
    const clock = createFakeClock();
    const { fn } = failing(Array.from({ length: 5 }, () => remote()));
    const retries: Array<[number, number]> = [];
    const run = callWithRetry(fn, { baseMs: 200, capMs: 1000 }, {
      clock,
      random: () => 0.5,
      onRetry: (_err, attempt, delayMs) => retries.push([attempt, delayMs]),
    });
    await clock.runAll(50);
    expect(await run).toEqual({ value: 'ok', attempts: 6 });
    // 0.5 * min(1000, 200 * 2^(n-1))
    expect(retries).toEqual([[1, 100], [2, 200], [3, 400], [4, 500], [5, 500]]);
    expect(clock.sleeps).toEqual([100, 200, 400, 500, 500]);
  });

  it('waits at least what the server asks', async () => {
    const clock = createFakeClock();
    const { fn } = failing([remote({ code: 'Throttling.User', status: 400, retryAfterMs: 7000 })]);
    const run = callWithRetry(fn, {}, { clock, random: () => 0.1 });
    await clock.runAll(10);
    expect(await run).toEqual({ value: 'ok', attempts: 2 });
    expect(clock.sleeps).toEqual([7000]);
  });

  it('gives up after maxAttempts with the attempts on the error', async () => {
    const clock = createFakeClock();
    const { fn, calls } = failing(Array.from({ length: 10 }, () => remote()));
    const run = callWithRetry(fn, { maxAttempts: 3 }, { clock, random: () => 0 });
    const caught = run.catch((err: unknown) => err);
    await clock.runAll(10);
    const err = await caught;
    expect(err).toBeInstanceOf(RemoteError);
    expect(attemptsOf(err)).toBe(3);
    expect(calls()).toBe(3);
  });

  it('does not retry a non-retryable error or a quota error', async () => {
    for (const err of [
      remote({ code: 'Invalid.DI.Parameter', status: 400, retryable: false }),
      remote({ code: 'Throttling.Api.Risk', status: 400, retryable: true, quota: true }),
    ]) {
      const clock = createFakeClock();
      const { fn, calls } = failing([err]);
      await expect(callWithRetry(fn, {}, { clock, random: () => 0 })).rejects.toBe(err);
      expect(calls()).toBe(1);
      expect(attemptsOf(err)).toBe(1);
      expect(clock.sleeps).toEqual([]);
    }
  });

  it('lets errors that are not remote through untouched', async () => {
    const clock = createFakeClock();
    const err = new UserInputError('no credentials');
    const { fn, calls } = failing([err]);
    await expect(callWithRetry(fn, {}, { clock, random: () => 0 })).rejects.toBe(err);
    expect(calls()).toBe(1);
  });

  it('takes a token before every attempt and tells the limiter how it went', async () => {
    const clock = createFakeClock();
    const events: string[] = [];
    const limiter: RateLimiter = {
      take: async () => void events.push('take'),
      onThrottle: () => void events.push('throttle'),
      onSuccess: () => void events.push('success'),
    };
    const { fn } = failing([remote({ code: 'Throttling.User', status: 400 }), remote()]);
    const run = callWithRetry(fn, {}, { clock, random: () => 0, limiter });
    await clock.runAll(10);
    await run;
    expect(events).toEqual(['take', 'throttle', 'take', 'take', 'success']);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = createFakeClock();
    const controller = new AbortController();
    const { fn, calls } = failing(Array.from({ length: 10 }, () => remote()));
    const run = callWithRetry(fn, {}, { clock, random: () => 1, signal: controller.signal });
    const caught = run.catch((err: unknown) => err);
    await clock.advance(0);
    controller.abort(new Error('cancelled'));
    expect(((await caught) as Error).message).toBe('cancelled');
    expect(calls()).toBe(1);
  });

  it('computes the default policy ceiling', () => {
    expect(computeBackoffMs(1, defaultRetryPolicy, () => 1)).toBe(200);
    expect(computeBackoffMs(20, defaultRetryPolicy, () => 1)).toBe(20_000);
  });
});
