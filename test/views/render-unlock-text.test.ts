import { describe, expect, it } from 'vitest';
import { renderUnlockText } from '../../src/views/render-unlock-text.js';

describe('renderUnlockText', () => {
  it('names the holder whose lock was removed, or says there was none', () => {
    expect(renderUnlockText('dwsync apply (pid 7 on host ci-1, since 2026-01-01T00:00:00Z)')).toBe(
      'removed the lock held by dwsync apply (pid 7 on host ci-1, since 2026-01-01T00:00:00Z)\n',
    );
    expect(renderUnlockText(null)).toBe('no lock was held\n');
  });
});
