import { describe, expect, it } from 'vitest';

import { resolveOutFolder } from '../../../src/core/import/resolve-out-folder.js';

const where = { root: '/repo', jobs: 'jobs' };

describe('resolveOutFolder', () => {
  it('gives a folder inside the jobs folder relative to the root, with forward slashes', () => {
    expect(resolveOutFolder('jobs/imported', where)).toBe('jobs/imported');
    expect(resolveOutFolder('./jobs/a/../b/', where)).toBe('jobs/b');
    expect(resolveOutFolder('jobs', where)).toBe('jobs');
  });

  it('refuses a folder outside the jobs folder, naming one that would do', () => {
    for (const out of ['elsewhere', 'jobs/..', '../jobs', 'jobs2', '/tmp/x']) {
      expect(() => resolveOutFolder(out, where)).toThrow(`--out ${out} is outside the jobs folder jobs: expected a folder inside it, e.g. jobs/imported`);
    }
  });
});
