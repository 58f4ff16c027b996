import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveSettings } from '../../src/commands/resolve-settings.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-settings-');

describe('resolveSettings', () => {
  it('takes the endpoint from the flag, then DWSYNC_ENDPOINT, then dwsync.yaml', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'dwsync.yaml'), 'endpoint: http://127.0.0.1:3\n');
    const env = { DWSYNC_ENDPOINT: 'http://127.0.0.1:2' };
    expect((await resolveSettings({ root, endpoint: 'http://127.0.0.1:1' }, env)).endpoint).toBe('http://127.0.0.1:1');
    expect((await resolveSettings({ root }, env)).endpoint).toBe('http://127.0.0.1:2');
    expect((await resolveSettings({ root }, {})).endpoint).toBe('http://127.0.0.1:3');
  });

  it('takes --max-deletes from the flag, then maxDeletes in dwsync.yaml, then 10', async () => {
    const root = await tempDir();
    expect((await resolveSettings({ root }, {})).maxDeletes).toBe(10);
    await writeFile(path.join(root, 'dwsync.yaml'), 'maxDeletes: 3\n');
    expect((await resolveSettings({ root }, {})).maxDeletes).toBe(3);
    expect((await resolveSettings({ root, maxDeletes: 0 }, {})).maxDeletes).toBe(0);
  });

  it('takes the parse threads from DWSYNC_PARSE_THREADS, a whole number from 1, and names a bad value', async () => {
    const root = await tempDir();
    expect((await resolveSettings({ root }, {})).parseThreads).toBeUndefined();
    expect((await resolveSettings({ root }, { DWSYNC_PARSE_THREADS: ' 3 ' })).parseThreads).toBe(3);
    for (const bad of ['0', '1.5', 'two', '-1', '65']) {
      await expect(resolveSettings({ root }, { DWSYNC_PARSE_THREADS: bad })).rejects.toThrow(`DWSYNC_PARSE_THREADS must be a whole number from 1 to 64, got "${bad}"`);
    }
  });
});
