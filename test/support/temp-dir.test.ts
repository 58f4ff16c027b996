import { existsSync } from 'node:fs';
import { realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeTempDir, useTempDir, withTempDir } from './temp-dir.js';

// The helpers every test folder comes from: each folder is new, under the system's temp folder, and gone
// when its owner is done with it, so a suite run leaves nothing behind.

describe('useTempDir', () => {
  const tempDir = useTempDir('dwsync-probe-');
  let earlier = '';

  it('gives a new empty folder under the temp folder on each call', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    expect(a).not.toBe(b);
    expect(path.basename(a)).toMatch(/^dwsync-probe-/);
    expect(path.dirname(a)).toBe(await realpath(os.tmpdir()));
    await writeFile(path.join(a, 'f'), 'x');
    earlier = a;
  });

  it('has removed the previous test’s folders, contents included', () => {
    expect(earlier).not.toBe('');
    expect(existsSync(earlier)).toBe(false);
  });
});

describe('makeTempDir and withTempDir', () => {
  it('remove() removes the folder and what it holds', async () => {
    const { dir, remove } = await makeTempDir('dwsync-probe-');
    await writeFile(path.join(dir, 'f'), 'x');
    await remove();
    expect(existsSync(dir)).toBe(false);
  });

  it('withTempDir removes the folder even when the body throws', async () => {
    let seen = '';
    await expect(
      withTempDir(async (dir) => {
        seen = dir;
        await writeFile(path.join(dir, 'f'), 'x');
        throw new Error('body failed');
      }),
    ).rejects.toThrow('body failed');
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
  });
});

