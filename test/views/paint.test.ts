import { describe, expect, it } from 'vitest';
import { paint } from '../../src/views/paint.js';

describe('paint', () => {
  it('wraps text in ANSI colours when on, and leaves it as it is when off', () => {
    const on = paint(true);
    expect([on.red('a'), on.green('b'), on.yellow('c'), on.bold('d'), on.dim('e')]).toEqual([
      '\u001b[31ma\u001b[39m',
      '\u001b[32mb\u001b[39m',
      '\u001b[33mc\u001b[39m',
      '\u001b[1md\u001b[22m',
      '\u001b[2me\u001b[22m',
    ]);
    const off = paint(false);
    expect([off.red('a'), off.bold('d')]).toEqual(['a', 'd']);
  });
});
