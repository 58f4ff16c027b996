import { afterEach, describe, expect, it } from 'vitest';

import { unlock } from '../../src/commands/unlock.js';
import { acquireLock } from '../../src/state/lock.js';
import path from 'node:path';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

let repo: TempRepo | null = null;
afterEach(async () => void (await repo?.remove()));

describe('unlock', () => {
  it('removes a held lock and names its holder; a second unlock finds none', async () => {
    repo = await createTempRepo({ 'jobs/.keep': '' });
    await acquireLock(path.join(repo.dir, '.dwsync/state.json'), { command: 'dwsync apply', now: () => 0 });
    const first = await unlock({ root: repo.dir }, { env: {} });
    expect(first).toMatchObject({ formatVersion: 1, removed: true, holder: { command: 'dwsync apply', pid: process.pid } });
    expect(await unlock({ root: repo.dir }, { env: {} })).toEqual({ formatVersion: 1, removed: false, holder: null });
  });
});
