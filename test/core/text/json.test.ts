import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../../src/core/text/json.js';

describe('isJsonObject', () => {
  it('is true for mappings only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ a: 1 })).toBe(true);
    for (const value of [null, [], [1], 'x', 1, true, undefined]) expect(isJsonObject(value)).toBe(false);
  });
});
