import { describe, expect, it } from 'vitest';
import { createCallRunner } from '../../src/dataworks/call-runner.js';
import { RemoteError } from '../../src/errors.js';
import type { RateLimiter } from '../../src/ports.js';
import { createFakeClock } from '../support/fake-clock.js';
import { drive, useEmulatorSession } from '../remote/emulator-session.js';

const start = useEmulatorSession();

function countingLimiter(): RateLimiter & { taken: number; throttles: number; successes: number } {
  const limiter = {
    taken: 0,
    throttles: 0,
    successes: 0,
    take: async () => void limiter.taken++,
    onThrottle: () => void limiter.throttles++,
    onSuccess: () => void limiter.successes++,
  };
  return limiter;
}

describe('createCallRunner', () => {
  it('retries a call the service failed, taking a token before every attempt, with the random source for backoff', async () => {
    const clock = createFakeClock();
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { action: 'GetProject', times: 2 });
    const limiter = countingLimiter();
    const run = createCallRunner({ clock, random: () => 0.5, limiter });
    const { value, attempts } = await drive(clock, run(() => session.dataWorks.getProject({ projectId: 10000 })));
    expect([value.mode, attempts]).toEqual(['standard', 3]);
    expect([limiter.taken, limiter.successes]).toEqual([3, 1]);
    // Full jitter at half of 200 ms, then of 400 ms.
    expect(clock.sleeps).toEqual([100, 200]);
    expect(emulator.state.calls.map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it('keeps to the retry policy it was given: attempts, and throttling reported to the limiter', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    emulator.failNext({ kind: 'http', status: 400, code: 'Throttling.User' }, { action: 'GetProject', times: 5 });
    const limiter = countingLimiter();
    const clock = createFakeClock();
    const run = createCallRunner({ clock, random: () => 0, limiter, retry: { maxAttempts: 2 } });
    const err = await drive(clock, run(() => session.dataWorks.getProject({ projectId: 10000 }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect(err).toMatchObject({ code: 'Throttling.User', attempts: 2 });
    expect([limiter.taken, limiter.throttles]).toEqual([2, 2]);
    expect(emulator.state.calls).toHaveLength(2);
  });

  it('sends nothing once its signal has aborted', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const run = createCallRunner({ clock: createFakeClock(), random: () => 0, limiter: countingLimiter(), signal: controller.signal });
    await expect(run(() => session.dataWorks.getProject({ projectId: 10000 }))).rejects.toThrow('interrupted');
    expect(emulator.state.calls).toEqual([]);
  });
});
