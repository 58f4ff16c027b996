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
