import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCallRunner } from '../../src/dataworks/call-runner.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { createLimiter } from '../../src/dataworks/create-limiter.js';
import { UserInputError } from '../../src/errors.js';
import { fetchRequestedFiles } from '../../src/remote/fetch-requested-files.js';
import { systemClock } from '../../src/system-clock.js';
import { useTempDir } from '../support/temp-dir.js';
import { callsOf, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const tempDir = useTempDir('dwsync-requested-');

describe('fetchRequestedFiles', () => {
  it('asks ListFiles for the ids, unique and sorted, at most 50 a call, with absolute folder paths', async () => {
    const seed = Array.from({ length: 120 }, (_, i) => ({ projectId: 10000, fileId: i + 1, fileName: `t${i + 1}`, fileFolderPath: 'Business Flow/a' }));
    const { emulator, session } = await start({ seed });
    const wanted = [...seed.map((s) => s.fileId)].reverse().concat([7, 7]);

    const { files, failures } = await fetchRequestedFiles(session, 10000, wanted);

    expect(failures).toEqual([]);
    expect(files.map((f) => f.id)).toEqual(seed.map((s) => s.fileId));
    expect(files[6]).toEqual({ id: 7, fileName: 't7', folderPath: 'Business Flow/a' });
    const sent = callsOf(emulator, 'ListFiles');
    expect(sent.map((p) => p.FileIdIn!.split(',').length)).toEqual([50, 50, 20]);
    expect(sent[2]).toEqual({ ProjectId: '10000', FileIdIn: seed.slice(100).map((s) => s.fileId).join(','), PageNumber: '1', PageSize: '50', NeedAbsoluteFolderPath: 'true' });
  });

  it('an id the listing does not return is a FileNotFound failure with the request id', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    const { files, failures } = await fetchRequestedFiles(session, 10000, [1, 2]);
    expect(files.map((f) => f.id)).toEqual([1]);
    const requestId = emulator.state.calls[0]!.requestId;
    expect(failures).toEqual([
      { key: '10000/2', file: null, outcome: 'failed', attempts: 1, requestId, error: { code: 'FileNotFound', message: 'file 2 does not exist in project 10000' } },
    ]);
  });

  it('a batch that cannot be read fails its own ids, and the next batch is still asked', async () => {
    const seed = Array.from({ length: 60 }, (_, i) => ({ projectId: 10000, fileId: i + 1 }));
    const { emulator, session } = await start({ seed });
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'not allowed' }, { action: 'ListFiles' });

    const { files, failures } = await fetchRequestedFiles(session, 10000, seed.map((s) => s.fileId));

    expect(files.map((f) => f.id)).toEqual(seed.slice(50).map((s) => s.fileId));
    expect(failures.map((f) => f.key)).toEqual(seed.slice(0, 50).map((s) => `10000/${s.fileId}`));
    const requestId = emulator.state.calls[0]!.requestId!;
    expect(failures[0]).toEqual({ key: '10000/1', file: null, outcome: 'failed', attempts: 1, error: { code: 'Forbidden.Access', message: 'not allowed', requestId, status: 403 } });
    expect(callsOf(emulator, 'ListFiles')).toHaveLength(2);
  });

  it('missing credentials stop it at once: thrown, not a failure per id', async () => {
    const { emulator } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (name.startsWith('ALIBABA_CLOUD_') && !name.endsWith('_DISABLED')) delete process.env[name];
    process.env['ALIBABA_CLOUD_CREDENTIALS_FILE'] = path.join(await tempDir(), 'credentials');
    try {
      const dataWorks = createDataWorks({ endpoint: emulator.url, region: 'cn-hangzhou' });
      const call = createCallRunner({ clock: systemClock, random: () => 0, limiter: createLimiter(0, systemClock) });
      const ids = Array.from({ length: 60 }, (_, i) => i + 1);
      await expect(fetchRequestedFiles({ dataWorks, call }, 10000, ids)).rejects.toBeInstanceOf(UserInputError);
      expect(emulator.state.calls).toEqual([]);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});
