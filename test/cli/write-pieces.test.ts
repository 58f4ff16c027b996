import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/write-pieces.js';

const pieces = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(300)}`);

// An output that queues what it is given, says it is full after each write, and drains when told to.
class FullPipe extends EventEmitter {
  readonly written: string[] = [];
  write(text: string): boolean {
    this.written.push(text);
    return false;
  }
}

describe('writePieces', () => {
  it('writes every piece, in order, in a few batches of at least 64 KiB but the last', async () => {
    const writes: string[] = [];
    await writePieces({ write: (text: string) => writes.push(text) }, pieces);
    expect(writes.join('')).toBe(pieces.join(''));
    expect(writes.length).toBeLessThan(10);
    expect(writes.slice(0, -1).every((text) => text.length >= 64 * 1024)).toBe(true);
  });

  it('writes nothing for no pieces or empty ones', async () => {
    const writes: string[] = [];
    await writePieces({ write: (text: string) => writes.push(text) }, ['', '']);
    expect(writes).toEqual([]);
  });

  it('waits for a full output to drain before the next batch, and leaves no listener behind', async () => {
    const pipe = new FullPipe();
    let finished = false;
    const done = writePieces(pipe, pieces).then(() => (finished = true));
    const seen: number[] = [];
    for (let round = 0; round < 20 && !finished; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(pipe.written.length); // one batch out, then nothing until the drain
      await new Promise((resolve) => setImmediate(resolve));
      expect(pipe.written.length).toBe(seen.at(-1));
      pipe.emit('drain');
    }
    await done;
    expect(seen.slice(0, 3)).toEqual([1, 2, 3]);
    expect(pipe.written.join('')).toBe(pieces.join(''));
    expect(['drain', 'close', 'error'].map((event) => pipe.listenerCount(event))).toEqual([0, 0, 0]);
  });

  it('stops waiting when the output closes instead of draining', async () => {
    const pipe = new FullPipe();
    const done = writePieces(pipe, pieces);
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      pipe.emit('close');
    }
    await done;
    expect(pipe.written.join('')).toBe(pieces.join(''));
  });
});
