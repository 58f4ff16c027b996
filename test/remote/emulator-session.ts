import { afterEach } from 'vitest';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createCallRunner } from '../../src/dataworks/call-runner.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { createLimiter } from '../../src/dataworks/create-limiter.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import type { Clock, DataWorksSession } from '../../src/ports.js';
import { systemClock } from '../../src/system-clock.js';
import type { FakeClock } from '../support/fake-clock.js';

// A run's session (the real client over HTTP, the real call runner) against any endpoint: the
// emulator, or a raw server for answers the emulator does not give. Retries wait nothing (random 0).
export function sessionFor(url: string, clock: Clock = systemClock, retry: { maxAttempts?: number } = {}): DataWorksSession {
  const dataWorks = createDataWorks({
    endpoint: url,
    region: 'cn-hangzhou',
    credential: createAccessKeyCredential('emulator', 'emulator'),
    timeouts: { connectMs: 5000, readMs: 10_000 },
  });
  const call = createCallRunner({ clock, random: () => 0, limiter: createLimiter(0, clock), retry });
  return { dataWorks, call };
}

// An emulator started with these options and a session on it, both gone after each test.
export function useEmulatorSession(): (options?: EmulatorOptions, clock?: Clock) => Promise<{ emulator: Emulator; session: DataWorksSession }> {
  const started: Emulator[] = [];
  afterEach(async () => {
    for (const emulator of started.splice(0)) await emulator.close();
  });
  return async (options = {}, clock = systemClock) => {
    const emulator = await startEmulator({ port: 0, ...options });
    started.push(emulator);
    return { emulator, session: sessionFor(emulator.url, clock) };
  };
}

// The parameters of every call of one action the emulator received, in order.
export function callsOf(emulator: Emulator, action: string): Array<Record<string, string>> {
  return emulator.state.calls.filter((call) => call.action === action).map((call) => call.parameters);
}

// Runs `work` on virtual time: whenever it sleeps, the clock jumps to the next wake-up; between
// sleeps, real time passes for the HTTP calls.
export async function drive<T>(clock: FakeClock, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => void (settled = true));
  done.catch(() => {});
  while (!settled) {
    if (clock.sleepers() > 0) await clock.runAll();
    else await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return done;
}
