import { describe, expect, it } from 'vitest';

import { useColor } from '../../src/cli/cli-io.js';

describe('colour', () => {
  it('is off only for a non-empty NO_COLOR, as no-color.org says', () => {
    const tty = { write: () => true, isTTY: true };
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ write: () => true }, {})).toBe(false);
  });
});
