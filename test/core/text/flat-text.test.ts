import { describe, expect, it } from 'vitest';
import { flatText } from '../../../src/core/text/flat-text.js';

describe('flatText', () => {
  it('gives back the same text, a long JSON text and an empty one alike', () => {
    const text = JSON.stringify({ steps: Array.from({ length: 50 }, (_, i) => ({ name: `step ${i}`, parameter: { column: ['a', 'b'] } })) });
    expect(flatText(text)).toBe(text);
    expect(flatText('')).toBe('');
    expect(JSON.parse(flatText(text))).toEqual(JSON.parse(text));
  });
});
