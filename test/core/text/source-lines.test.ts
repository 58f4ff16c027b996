import { describe, expect, it } from 'vitest';
import { createPositionFinder, findPosition } from '../../../src/core/text/source-lines.js';

const text = 'ab\ncd\n\nefg';

describe('createPositionFinder', () => {
  const positionOf = createPositionFinder(text);

  it('gives 1-based lines and columns', () => {
    expect(positionOf(0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(1)).toEqual({ line: 1, column: 2 });
    expect(positionOf(3)).toEqual({ line: 2, column: 1 });
    expect(positionOf(6)).toEqual({ line: 3, column: 1 });
    expect(positionOf(9)).toEqual({ line: 4, column: 3 });
  });

  it('puts a newline at the end of its own line', () => {
    expect(positionOf(2)).toEqual({ line: 1, column: 3 });
    expect(positionOf(5)).toEqual({ line: 2, column: 3 });
  });

  it('clamps offsets outside the text to its ends', () => {
    expect(positionOf(-5)).toEqual({ line: 1, column: 1 });
    expect(positionOf(100)).toEqual({ line: 4, column: 4 });
  });

  it('counts only \\n as a line break (a \\r stays in its line)', () => {
    expect(createPositionFinder('a\r\nb')(3)).toEqual({ line: 2, column: 1 });
    expect(createPositionFinder('a\rb')(2)).toEqual({ line: 1, column: 3 });
  });

  it('works on the empty text', () => {
    expect(createPositionFinder('')(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('findPosition', () => {
  it('agrees with the line table on every offset', () => {
    const positionOf = createPositionFinder(text);
    for (let offset = 0; offset <= text.length; offset++) expect(findPosition(text, offset)).toEqual(positionOf(offset));
  });
});
