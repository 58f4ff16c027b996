import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { connect } from '../../src/commands/connect.js';
import { resolveSettings } from '../../src/commands/resolve-settings.js';
import { UserInputError } from '../../src/errors.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { stateLines } from '../support/state-builders.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('connect', () => {
  it('gives a client for the resolved endpoint and region, whose calls go through the call runner', async () => {
    fixture = await setupCommand(1);
    const settings = await resolveSettings({ root: fixture.repo.dir, endpoint: fixture.emulator.url, region: 'cn-shanghai', qps: 0 }, {});
    const asked: Array<{ endpoint: string | null; region: string }> = [];
    const { dataWorks, call } = await connect(settings, {
      ...fixture.deps,
      createDataWorks: (options) => (asked.push(options), fixture!.deps.createDataWorks!(options)),
    });
    expect(asked).toEqual([{ endpoint: fixture.emulator.url, region: 'cn-shanghai' }]);

    const [task] = fixture.tasks;
    const { attempts } = await call(() => dataWorks.getFile({ projectId: task!.projectId, fileId: task!.fileId }));

    expect(attempts).toBe(1);
    expect(fixture.emulator.state.calls.map((c) => [c.action, c.parameters.FileId])).toEqual([['GetFile', String(task!.fileId)]]);
  });

  it('retries a throttled call through the runner it returns', async () => {
    fixture = await setupCommand(1);
    const settings = await resolveSettings({ root: fixture.repo.dir, endpoint: fixture.emulator.url, qps: 0 }, {});
    const { dataWorks, call } = await connect(settings, fixture.deps);
    fixture.emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { action: 'GetFile' });
    const [task] = fixture.tasks;

    const { attempts } = await call(() => dataWorks.getFile({ projectId: task!.projectId, fileId: task!.fileId }));

    expect(attempts).toBe(2);
    expect(fixture.emulator.state.calls.map((c) => [c.action, c.status])).toEqual([
      ['GetFile', 503],
      ['GetFile', 200],
    ]);
  });

  it('stops the run before any call when the credentials cannot be had', async () => {
    fixture = await setupCommand(2);
    const created = fixture.deps.createDataWorks!({ endpoint: fixture.emulator.url, region: 'cn-hangzhou' });
    const refusal = new UserInputError('no Alibaba Cloud credentials found');
    const deps = { ...fixture.deps, createDataWorks: () => ({ ...created, verifyCredentials: () => Promise.reject(refusal) }) };

    await expect(apply({ root: fixture.repo.dir, endpoint: fixture.emulator.url, qps: 0 }, deps)).rejects.toBe(refusal);

    expect(fixture.emulator.state.calls).toEqual([]);
    // Read back with JSON.parse alone: no task recorded, no lock or journal left behind.
    const dir = path.join(fixture.repo.dir, '.dwsync');
    if (existsSync(path.join(dir, 'state.json'))) expect(stateLines(await readFile(path.join(dir, 'state.json'), 'utf8')).keys).toEqual([]);
    expect(existsSync(dir) ? (await readdir(dir)).filter((name) => name !== 'state.json') : []).toEqual([]);
  });
});
