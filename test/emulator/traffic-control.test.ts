import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';

// Flow control, quota, fail rate and latency. The clock is injected so no assertion depends on timing.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions) {
  emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000000 }], ...options });
  return emulator;
}

async function outcomes(url: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      await callWithSdk(url, 'GetProject', { ProjectId: 10000 });
      codes.push('ok');
    } catch (err) {
      codes.push(`${(err as { statusCode?: number }).statusCode} ${(err as { code?: string }).code}`);
    }
  }
  return codes;
}

describe('emulator flow control', () => {
  it('throttles calls over the QPS ceiling within a one-second window, and lets them through after it', async () => {
    let clock = Date.now();
    const em = await start({ qps: 2, now: () => clock });
    expect(await outcomes(em.url, 4)).toEqual(['ok', 'ok', '400 Throttling.User', '400 Throttling.User']);
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 });
    expect(String(err.data?.Message)).toBe('Request was denied due to user flow control.');
    expect(em.state.calls.filter((c) => c.code === 'Throttling.User')).toHaveLength(3);
    clock += 1000;
    expect(await outcomes(em.url, 3)).toEqual(['ok', 'ok', '400 Throttling.User']);
  });

  it('answers every call after the quota with Throttling.Api.Risk', async () => {
    const em = await start({ quotaAfter: 2 });
    expect(await outcomes(em.url, 4)).toEqual(['ok', 'ok', '429 Throttling.Api.Risk', '429 Throttling.Api.Risk']);
  });

  it('fails the share of calls the injected random picks with a retryable 503', async () => {
    const draws = [0.9, 0.1, 0.5, 0.29];
    const em = await start({ failRate: 0.3, random: () => draws.shift() ?? 1 });
    expect(await outcomes(em.url, 4)).toEqual(['ok', '503 ServiceUnavailable', 'ok', '503 ServiceUnavailable']);
  });

  it('holds every answer for the configured latency, then answers normally', async () => {
    const em = await start({ latencyMs: 200 });
    const started = performance.now();
    expect(await outcomes(em.url, 2)).toEqual(['ok', 'ok']);
    // A lower bound only (a delay cannot end early); how much later is up to the machine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 200 - 5);
  });

  it('refuses a request dated outside the allowed skew', async () => {
    const em = await start({ now: () => Date.now() + 60 * 60 * 1000 });
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 });
    expect(err.code).toBe('InvalidTimeStamp.Expired');
  });

  it('refuses invalid options', async () => {
    await expect(startEmulator({ failRate: 2 })).rejects.toThrow(/failRate/);
    await expect(startEmulator({ seed: [{ projectId: 0, fileId: 1 }] })).rejects.toThrow(/seed/);
  });

  it('close() ends requests held by latency', async () => {
    const em = await start({ latencyMs: 60_000 });
    const pending = fetch(`${em.url}/?Action=GetProject`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50)); // let the request arrive (the outcome is the same if it has not)
    await em.close(); // would wait for the held socket without closeAllConnections
    expect(await pending).toBe('cut');
    expect(em.state.calls).toHaveLength(0);
  });
});
