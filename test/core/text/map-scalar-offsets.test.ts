import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar } from 'yaml';
import { mapScalarOffsets } from '../../../src/core/text/map-scalar-offsets.js';

function scalarAt(source: string): Scalar {
  return parseDocument(source).get('c', true) as Scalar;
}

// Judged from the source text alone: the character at each mapped offset is the value's character,
// except where the source spells it otherwise (an escape, a folded line break, a doubled quote).
function spelled(source: string): { value: string; offsets: number[] } {
  const scalar = scalarAt(source);
  const offsets = mapScalarOffsets(source, scalar);
  expect(offsets, source).not.toBeNull();
  return { value: String(scalar.value), offsets: offsets! };
}

describe('mapScalarOffsets', () => {
  it.each([
    ['a block literal (|)', 'c: |\n  {\n    "type": "job",\n\n    "steps": []\n  }\nd: 1\n'],
    ['a stripped block literal (|-)', 'c: |-\n    {"a":\n      1}\n'],
    ['a kept block literal (|+)', 'c: |+\n  {"a": 1}\n\n'],
    ['a block literal with CRLF line ends', 'c: |\r\n  {"a":\r\n   1}\r\n'],
    ['a plain scalar over lines', 'c: select a\n  from t   \n\n  where b\nd: 1\n'],
    ['a single-quoted scalar over lines', "c: '{\"a\":\n    \"it''s\",\n\n    \"b\": 2}'\n"],
    ['a double-quoted scalar over lines', 'c: "{\\"a\\":\n    1,\n\n    \\"b\\": 2}"\n'],
  ])('maps every character of %s to where the source has it', (_name, source) => {
    const { value, offsets } = spelled(source);
    expect(offsets).toHaveLength(value.length + 1);
    for (let k = 0; k < value.length; k++) {
      const ch = value[k]!;
      const at = source[offsets[k]!]!;
      if (ch === ' ' || ch === '\n') expect([' ', '\n', '\r']).toContain(at);
      else if (ch === '"' && source.includes('\\"')) expect(['"', '\\']).toContain(at);
      else if (ch === "'" && source.startsWith("c: '")) expect(at).toBe("'");
      else expect(at, `value[${k}] of ${JSON.stringify(source)}`).toBe(ch);
    }
  });

  it('points an escape at its backslash and joins lines ended by a backslash', () => {
    const source = 'c: "{\\"a\\": \\\n     \\u0031}"\n';
    const { value, offsets } = spelled(source);
    expect(value).toBe('{"a": 1}');
    expect(offsets[1]).toBe(source.indexOf('\\"a'));
    expect(offsets[value.indexOf('1')]).toBe(source.indexOf('\\u0031'));
  });

  it('keeps an escaped space before a line break, which folding would otherwise drop', () => {
    const source = 'c: "a\\ \n  b"\n';
    const { value, offsets } = spelled(source);
    expect(value).toBe('a  b');
    expect(offsets[3]).toBe(source.indexOf('b'));
  });

  it('gives up on a folded block (>), whose folding it does not follow', () => {
    const source = 'c: >\n  {"a":\n  1}\n';
    expect(mapScalarOffsets(source, scalarAt(source))).toBeNull();
  });
});

describe('mapScalarOffsets, line breaks, tabs and quotes', () => {
  it.each([
    ['a plain scalar with CRLF line ends', 'c: a\r\n  b\r\n\r\n  c\r\nd: 1\r\n', 'a b\nc'],
    ['a double-quoted scalar with CRLF line ends', 'c: "a\r\n  b\r\n\r\n  c"\r\n', 'a b\nc'],
    ['a double-quoted scalar joined by a backslash before CRLF', 'c: "a\\\r\n  b"\r\n', 'ab'],
    ['a plain scalar whose lines end and start with tabs', 'c: a\t\n  \tb\nd: 1\n', 'a b'],
    ['a double-quoted scalar with a tab before its line break', 'c: "a\t\n  b"\n', 'a b'],
    ['a double-quoted scalar holding two single quotes', `c: "a''b"\n`, "a''b"],
    ['a single-quoted scalar holding a backslash', "c: 'a\\nb'\n", 'a\\nb'],
    ['a plain scalar holding a backslash', 'c: a\\nb\n', 'a\\nb'],
  ])('maps %s', (_name, source, expected) => {
    const { value, offsets } = spelled(source);
    expect(value).toBe(expected);
    expect(offsets).toHaveLength(value.length + 1);
  });

  it('points the characters after a CRLF break at their own place', () => {
    const source = 'c: "a\r\n  bc"\n';
    const { offsets } = spelled(source);
    expect(offsets).toEqual([source.indexOf('a'), source.indexOf('\r'), source.indexOf('b'), source.indexOf('c"'), source.indexOf('c"') + 1]);
  });

  it('keeps a space written as a hex escape before a line break', () => {
    const source = 'c: "a\\x20\n  b"\n';
    const { value, offsets } = spelled(source);
    expect(value).toBe('a  b');
    expect(offsets[1]).toBe(source.indexOf('\\x20'));
  });

  it('gives up on a malformed hex escape', () => {
    const source = 'c: "a\\xZZ"\n';
    expect(mapScalarOffsets(source, scalarAt(source))).toBeNull();
  });

  it('gives the place just after the last character of a flow scalar', () => {
    const source = 'c: abc\n';
    expect(spelled(source).offsets).toEqual([3, 4, 5, 6]);
  });
});

describe('mapScalarOffsets, block literals', () => {
  it('gives, after a stripped block, the line break that ends its last line', () => {
    const source = 'c: |-\n  ab\nd: 1\n';
    expect(spelled(source).offsets).toEqual([8, 9, 10]);
  });

  it('maps a block literal at the end of a text without a final line break', () => {
    const source = 'c: |\n  ab';
    expect(spelled(source).offsets.slice(0, 2)).toEqual([7, 8]);
  });

  it('takes the indentation from the first line that is not blank', () => {
    const source = 'c: |\n\n  ab\n';
    const { value, offsets } = spelled(source);
    expect(value).toBe('\nab\n');
    expect(offsets[1]).toBe(source.indexOf('ab'));
  });

  it('keeps the spaces an indentation indicator leaves in the value, after a leading empty line too', () => {
    const source = 'c: |1\n\n   ab\n';
    const { value, offsets } = spelled(source);
    expect(value).toBe('\n  ab\n');
    expect(offsets[1]).toBe(source.indexOf('  ab'));
  });

  it('maps a block of only empty lines', () => {
    const source = 'c: |\n\n\nd: 1\n';
    expect(mapScalarOffsets(source, scalarAt(source))).not.toBeNull();
  });

  it('maps a top-level block literal, which has no indentation', () => {
    const source = '--- |\nab\n';
    const scalar = parseDocument(source).contents as Scalar;
    expect(mapScalarOffsets(source, scalar)).toEqual([6, 7, 8, 9]);
  });

  it('gives up on a folded block even of one line', () => {
    const source = 'c: >\n  ab\n';
    expect(mapScalarOffsets(source, scalarAt(source))).toBeNull();
  });
});
