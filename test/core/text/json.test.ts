import { describe, expect, it } from 'vitest';
import { isJsonObject, parseJsonOrNull } from '../../../src/core/text/json.js';

describe('isJsonObject', () => {
  it('is true for mappings only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ a: 1 })).toBe(true);
    for (const value of [null, [], [1], 'x', 1, true, undefined]) expect(isJsonObject(value)).toBe(false);
  });
});

describe('parseJsonOrNull', () => {
  it('parses JSON text', () => {
    expect(parseJsonOrNull('{"a":[1,"b"]}')).toEqual({ a: [1, 'b'] });
  });

  it('gives null for text that is not JSON, and for no text', () => {
    expect(parseJsonOrNull('{"a":')).toBeNull();
    expect(parseJsonOrNull('')).toBeNull();
    expect(parseJsonOrNull(null)).toBeNull();
  });
});
