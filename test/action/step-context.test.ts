import { describe, expect, it } from 'vitest';
import { formatDirectorySlug, formatTitle } from '../../src/action/step-context.js';

// How a step names itself: the title of its summary and comment, and the part of its file names that
// tells several dwsync steps in one job apart.

describe('step context', () => {
  it('titles a step at the workspace root by its command alone, elsewhere with its directory', () => {
    expect(formatTitle('plan', '.')).toBe('dwsync plan');
    expect(formatTitle('apply', 'infra/dw')).toBe('dwsync apply for `infra/dw`');
  });

  it('slugs a directory into file-name-safe characters, nothing at the root', () => {
    expect(formatDirectorySlug('.')).toBe('');
    expect(formatDirectorySlug('infra')).toBe('-infra');
    expect(formatDirectorySlug('a.b-c_D9')).toBe('-a.b-c_D9');
    expect(formatDirectorySlug('infra/data jobs')).toMatch(/^-infra_data_jobs-[0-9a-f]{8}$/);
    expect(formatDirectorySlug('x//:?y')).toMatch(/^-x_y-[0-9a-f]{8}$/);
    // Folders whose names fold to the same characters still get files of their own.
    const slugs = ['a/b', 'a b', 'a_b', 'a//b'].map(formatDirectorySlug);
    expect(new Set(slugs).size).toBe(4);
    expect(formatDirectorySlug('a_b')).toBe('-a_b');
    expect(formatDirectorySlug('数据')).toBe('-_-5440f742');
  });
});
