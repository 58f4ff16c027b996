import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncDirectory } from '../../src/state/sync-directory.js';
import { withTempDir } from '../support/temp-dir.js';

describe('syncDirectory', () => {
  it('syncs an existing directory', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a'), 'x');
      await expect(syncDirectory(dir)).resolves.toBeUndefined();
    });
  });

  it('fails for a directory that does not exist: that is not a platform limit', async () => {
    await withTempDir(async (dir) => {
      await expect(syncDirectory(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});
