import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/text/decode-text.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const limit = { maxBytes: 64 };

describe('decodeText', () => {
  it('gives the text of UTF-8 bytes, keeping a byte-order mark', () => {
    expect(decodeText(bytes('a: é\n'), limit)).toEqual({ text: 'a: é\n' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'), limit)).toEqual({ text: '\uFEFFa: 1\n' });
    expect(decodeText(new Uint8Array(0), limit)).toEqual({ text: '' });
  });

  it('refuses more bytes than the limit, with the whole size when the reader stopped early', () => {
    const over = new Uint8Array(65).fill(0x61);
    expect(decodeText(over, limit)).toEqual({ problem: 'file too large: expected at most 64 bytes (64 bytes), found 65 bytes', line: 1, column: 1 });
    expect(decodeText(over, { maxBytes: 64, size: 5000 })).toMatchObject({ problem: 'file too large: expected at most 64 bytes (64 bytes), found 5000 bytes' });
    expect(decodeText(new Uint8Array(1024 * 1024 + 1), { maxBytes: 1024 * 1024 })).toMatchObject({
      problem: 'file too large: expected at most 1 MiB (1048576 bytes), found 1048577 bytes',
    });
    expect(decodeText(new Uint8Array(64 * 1024 + 1), { maxBytes: 64 * 1024 })).toMatchObject({ problem: expect.stringContaining('at most 64 KiB (65536 bytes)') });
    expect(decodeText(new Uint8Array(64).fill(0x61), limit)).toEqual({ text: 'a'.repeat(64) });
  });

  it('refuses a NUL byte, naming its offset, even when the rest is not UTF-8', () => {
    expect(decodeText(bytes('a: 1\nb', [0], [0xff]), limit)).toEqual({ problem: 'binary file: expected YAML text, found a NUL byte at byte 6', line: 1, column: 1 });
  });

  it('refuses bytes that are not UTF-8 at the first bad byte, by line and column in characters', () => {
    expect(decodeText(bytes('a: 1\nb: é', [0xe9], '\n'), limit)).toEqual({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xe9', line: 2, column: 5 });
    expect(decodeText(bytes([0xff], 'x\n'), limit)).toEqual({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xff', line: 1, column: 1 });
  });

  it('refuses overlong, surrogate and cut-off sequences', () => {
    expect(decodeText(bytes('x', [0xc0, 0x80]), limit)).toMatchObject({ problem: expect.stringContaining('0xc0'), column: 2 });
    expect(decodeText(bytes('\n', [0xed, 0xa0, 0x80]), limit)).toMatchObject({ problem: expect.stringContaining('0xed'), line: 2, column: 1 });
    expect(decodeText(bytes('ab', [0xe2, 0x82]), limit)).toMatchObject({ problem: expect.stringContaining('0xe2'), column: 3 });
  });

  it('reads valid two, three and four byte characters up to a bad byte, and places it after them', () => {
    expect(decodeText(bytes('é€😀x', [0xff]), limit)).toEqual({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xff', line: 1, column: 6 });
    expect(decodeText(bytes('\u07ff\uffff', [0x80]), limit)).toMatchObject({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0x80', column: 3 });
  });

  it('refuses each byte that cannot start a character: a lone continuation, an overlong lead, a lead past U+10FFFF', () => {
    for (const bad of [0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff]) {
      expect(decodeText(bytes('a', [bad], 'bc'), limit)).toEqual({ problem: `invalid UTF-8: expected UTF-8 text, found byte 0x${bad.toString(16)}`, line: 1, column: 2 });
    }
  });

  it('refuses a character cut short at the end, at its first byte', () => {
    expect(decodeText(bytes('ab', [0xe2, 0x82]), limit)).toMatchObject({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xe2', column: 3 });
    expect(decodeText(bytes('ab', [0xf0, 0x9f, 0x98]), limit)).toMatchObject({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xf0', column: 3 });
  });
});

describe('decodeText, the first and last character of each length', () => {
  it('reads U+0080, U+07FF, U+0800, U+FFFF, U+10000 and U+10FFFF', () => {
    const text = '\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}';
    expect(decodeText(bytes(text), limit)).toEqual({ text });
  });

  it('refuses a lone continuation byte after a complete character', () => {
    expect(decodeText(bytes('\u0800', [0xa0], 'x'), limit)).toMatchObject({ problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xa0', column: 2 });
  });
});
