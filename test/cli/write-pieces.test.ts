import { describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/write-pieces.js';

describe('writePieces', () => {
  it('writes every piece, in order, in a few batches of at least 64 KiB but the last', () => {
    const writes: string[] = [];
    const pieces = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(300)}`);
    writePieces({ write: (text: string) => writes.push(text) }, pieces);
    expect(writes.join('')).toBe(pieces.join(''));
    expect(writes.length).toBeLessThan(10);
    expect(writes.slice(0, -1).every((text) => text.length >= 64 * 1024)).toBe(true);
  });

  it('writes nothing for no pieces or empty ones', () => {
    const writes: string[] = [];
    writePieces({ write: (text: string) => writes.push(text) }, ['', '']);
    expect(writes).toEqual([]);
  });
});
