import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../src/core/state/locate-json-error.js';

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 5, false],
    ['[1,]', 3, false],
    ['{a:1}', 1, false],
    ['{"a":1} x', 8, false],
    ['{"a":"\\q"}', 6, false],
    ['{"a":1', 6, true],
    ['{"a":"x', 7, true],
    ['{"a":tr', 7, true],
    ['{"a":"\\u00', 10, true],
    ['', 0, true],
  ])('%j fails at offset %d (truncated: %s)', (text, offset, truncated) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toMatchObject({ offset, truncated });
  });

  it('counts lines and columns from 1', () => {
    expect(locateJsonError('{\n  "a": 1,\n  ]\n}')).toEqual({ offset: 14, line: 3, column: 3, truncated: false });
  });
});
