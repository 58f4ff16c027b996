import { describe, expect, it } from 'vitest';
import { systemClock } from '../src/system-clock.js';

describe('systemClock', () => {
  it('sleeps and wakes', async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined();
    expect(typeof systemClock.now()).toBe('number');
  });

  it('rejects at once with the reason when the signal aborts, or was already aborted', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    await expect(systemClock.sleep(600_000, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});
