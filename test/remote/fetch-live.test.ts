import { describe, expect, it } from 'vitest';
import { fetchLive } from '../../src/remote/fetch-live.js';
import { RemoteError } from '../../src/errors.js';
import { callsOf, useEmulatorSession } from './emulator-session.js';
import { fileCalls } from '../../src/remote/file-calls.js';

const file = (key: string, projectId: number, fileId: number) => ({ key, projectId, target: { fileId }, calls: fileCalls });

const start = useEmulatorSession();

describe('fetchLive', () => {
  it('reads each task with GetFile: its content, the DI group from extend.resourceGroup, and missing files as missing', async () => {
    const { emulator, session } = await start({
      seed: [
        { projectId: 10000, fileId: 1, taskContent: '{"type":"job","steps":[]}', taskParam: '{"ResourceGroup":"S_g1"}' },
        { projectId: 10000, fileId: 2, taskContent: '{"type":"job"}', taskParam: '' },
      ],
    });
    const refs = [
      file('10000/1', 10000, 1),
      file('10000/2', 10000, 2),
      file('10000/3', 10000, 3),
    ];
    const live = await fetchLive(refs, { ...session, concurrency: 2 });

    expect(Object.fromEntries(live)).toMatchObject({
      '10000/1': { missing: false, taskContent: { type: 'job', steps: [], extend: { resourceGroup: 'S_g1' } }, resourceGroup: 'S_g1' },
      '10000/2': { missing: false, taskContent: { type: 'job' }, resourceGroup: null },
      '10000/3': { missing: true },
    });
    expect(callsOf(emulator, 'GetFile').map((p) => p.FileId).sort()).toEqual(['1', '2', '3']);
  });

  it('keeps content that is not JSON (a never configured task) as its text', async () => {
    const { session } = await start({ seed: [{ projectId: 10000, fileId: 1, taskContent: '' }] });
    const live = await fetchLive([file('k', 10000, 1)], { ...session, concurrency: 1 });
    expect(live.get('k')).toMatchObject({ missing: false, taskContent: '', resourceGroup: null });
    // GetFile's NodeConfiguration, as a task file's schedule (the emulator's never-scheduled default).
    expect(live.get('k')).toMatchObject({ schedule: { cron: '00 00 00 * * ?', rerun: { mode: 'all-allowed', times: 3, intervalSeconds: 120 }, paused: false } });
  });

  it('fails the whole refresh on a read that fails for another reason than a missing file', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'no' }, { action: 'GetFile' });
    const failure = await fetchLive([file('k', 10000, 1)], { ...session, concurrency: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RemoteError);
    expect((failure as RemoteError).code).toBe('Forbidden.Access');
  });

  it('never has more GetFile calls in flight than its concurrency', async () => {
    const seed = Array.from({ length: 6 }, (_, i) => ({ projectId: 10000, fileId: i + 1 }));
    const { session } = await start({ seed, latencyMs: 30 });
    let inFlight = 0;
    let most = 0;
    const counted = {
      ...session,
      call: async <T>(fn: () => Promise<T>) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await session.call(fn);
        } finally {
          inFlight--;
        }
      },
    };
    const live = await fetchLive(seed.map((s) => file(String(s.fileId), s.projectId, s.fileId)), { ...counted, concurrency: 2 });
    expect(live.size).toBe(6);
    expect(most).toBe(2);
  });
});
