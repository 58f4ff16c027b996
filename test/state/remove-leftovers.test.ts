import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftovers } from '../../src/state/remove-leftovers.js';
import { withTempDir } from '../support/temp-dir.js';

describe('removeLeftovers', () => {
  it("removes the files named after this one with a leftover's suffix, and nothing else", async () => {
    await withTempDir(async (dir) => {
      const names = ['state.json', 'state.json.tmp-1', 'state.json.tmp-22', 'state.json.lock.takeover-1-2', 'other.json.tmp-1', 'state.jsonx.tmp-1', 'tmp-state.json'];
      for (const name of names) await writeFile(join(dir, name), 'x');
      await removeLeftovers(join(dir, 'state.json'), ['.tmp-']);
      expect((await readdir(dir)).sort()).toEqual(['other.json.tmp-1', 'state.json', 'state.json.lock.takeover-1-2', 'state.jsonx.tmp-1', 'tmp-state.json']);
      await removeLeftovers(join(dir, 'state.json.lock'), ['.takeover-', '.draft-']);
      expect((await readdir(dir)).sort()).toEqual(['other.json.tmp-1', 'state.json', 'state.jsonx.tmp-1', 'tmp-state.json']);
    });
  });

  it('does nothing for a folder that does not exist', async () => {
    await withTempDir(async (dir) => {
      await expect(removeLeftovers(join(dir, 'missing', 'state.json'), ['.tmp-'])).resolves.toBeUndefined();
    });
  });

  it('fails on a leftover it cannot remove', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'state.json.tmp-1'));
      await writeFile(join(dir, 'state.json.tmp-1', 'inside'), 'x');
      await expect(removeLeftovers(join(dir, 'state.json'), ['.tmp-'])).rejects.toMatchObject({ code: expect.stringMatching(/^E(ISDIR|PERM)$/) });
    });
  });
});
