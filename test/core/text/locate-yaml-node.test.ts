import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { locateInScalar, locateYamlNode } from '../../../src/core/text/locate-yaml-node.js';

const text = `projectId: 10000
taskParam:
  ResourceGroup: S_res_group_x
  Cu: 2
taskContent:
  steps:
    - name: Reader
    - name: Writer
empty:
`;
const doc = parseDocument(text);

describe('locateYamlNode', () => {
  it('points at the value a path reaches, and returns its node', () => {
    const located = locateYamlNode(doc, ['taskParam', 'Cu']);
    expect(located.offset).toBe(text.indexOf('2\n'));
    expect(isScalar(located.node) && located.node.value).toBe(2);
    expect(located.scalar).toBeNull();
  });

  it('points at the key itself when asked for the key', () => {
    expect(locateYamlNode(doc, ['taskParam', 'Cu'], 'key')).toEqual({ offset: text.indexOf('Cu:'), node: null, scalar: null });
  });

  it('walks list items by index', () => {
    const located = locateYamlNode(doc, ['taskContent', 'steps', 1, 'name']);
    expect(located.offset).toBe(text.indexOf('Writer'));
    expect(located.scalar?.value).toBe('Writer');
  });

  it('points at the mapping that lacks a missing key', () => {
    expect(locateYamlNode(doc, ['taskParam', 'Nope'])).toEqual({ offset: text.indexOf('ResourceGroup'), node: null, scalar: null });
  });

  it('points at the list when an index is past its end or not a number', () => {
    const listStart = text.indexOf('- name: Reader');
    expect(locateYamlNode(doc, ['taskContent', 'steps', 5])).toEqual({ offset: listStart, node: null, scalar: null });
    expect(locateYamlNode(doc, ['taskContent', 'steps', 'name'])).toEqual({ offset: listStart, node: null, scalar: null });
  });

  it('points just after the colon of a key written with nothing after it', () => {
    const located = locateYamlNode(doc, ['empty']);
    expect(located.offset).toBe(text.indexOf('empty:') + 'empty:'.length);
    expect(isScalar(located.node) && located.node.value).toBeNull();
  });

  it('points at an explicit key that has no value node at all, and stops there', () => {
    const source = 'a: 1\n? b\n';
    expect(locateYamlNode(parseDocument(source), ['b', 'c'])).toEqual({ offset: source.indexOf('b'), node: null, scalar: null });
  });

  it('stops at a string scalar the path goes into, and returns it', () => {
    const located = locateYamlNode(doc, ['taskParam', 'ResourceGroup', 'deeper', 0]);
    expect(located.offset).toBe(text.indexOf('S_res_group_x'));
    expect(located.node).toBeNull();
    expect(located.scalar?.value).toBe('S_res_group_x');
  });

  it('stops at a number the path goes into, with no node', () => {
    expect(locateYamlNode(doc, ['projectId', 'x'])).toEqual({ offset: text.indexOf('10000'), node: null, scalar: null });
  });

  it('stops at an alias and returns it as the node', () => {
    const aliased = 'base: &b {x: 1}\nuse: *b\n';
    const located = locateYamlNode(parseDocument(aliased), ['use', 'x']);
    expect(located.offset).toBe(aliased.indexOf('*b'));
    expect(located.node).not.toBeNull();
  });

  it('gives the document start for the empty path, and 0 for an empty document', () => {
    expect(locateYamlNode(parseDocument('\n\na: 1\n'), []).offset).toBe(2);
    expect(locateYamlNode(parseDocument(''), ['a'])).toEqual({ offset: 0, node: null, scalar: null });
  });
});

function scalarAt(source: string, key: string): Scalar {
  const node = parseDocument(source).get(key, true);
  if (!isScalar(node)) throw new Error(`no scalar at ${key}`);
  return node;
}

describe('locateInScalar', () => {
  it('adds the offset to the start of a plain scalar on one line', () => {
    const source = 'c: select a from t\n';
    expect(locateInScalar(source, scalarAt(source, 'c'), 9)).toBe(source.indexOf('from'));
  });

  it('counts escapes in a double-quoted scalar as the source spells them', () => {
    const source = 'c: "\\t\\x41\\u0042\\U0001F600z"\n';
    const scalar = scalarAt(source, 'c');
    expect(scalar.value).toBe('\tAB\u{1F600}z');
    // value: \t(0) A(1) B(2) 😀(3,4) z(5)
    expect(locateInScalar(source, scalar, 1)).toBe(source.indexOf('\\x41'));
    expect(locateInScalar(source, scalar, 2)).toBe(source.indexOf('\\u0042'));
    expect(locateInScalar(source, scalar, 3)).toBe(source.indexOf('\\U0001'));
    expect(locateInScalar(source, scalar, 5)).toBe(source.indexOf('z'));
  });

  it("counts a doubled quote in a single-quoted scalar as one character", () => {
    const source = "c: 'it''s x'\n";
    const scalar = scalarAt(source, 'c');
    expect(scalar.value).toBe("it's x");
    expect(locateInScalar(source, scalar, 5)).toBe(source.indexOf('x'));
  });

  it('finds a character on a later line of a block literal', () => {
    const source = 'c: |\n  {\n    "a": 1\n  }\n';
    const scalar = scalarAt(source, 'c');
    expect(scalar.value).toBe('{\n  "a": 1\n}\n');
    expect(locateInScalar(source, scalar, String(scalar.value).indexOf('1'))).toBe(source.indexOf('1'));
    expect(locateInScalar(source, scalar, 0)).toBe(source.indexOf('{'));
  });

  it('subtracts the value’s own indentation when the block’s first line is indented', () => {
    const source = 'c: |2\n    x\n  y\n';
    const scalar = scalarAt(source, 'c');
    expect(scalar.value).toBe('  x\ny\n');
    expect(locateInScalar(source, scalar, String(scalar.value).indexOf('y'))).toBe(source.indexOf('y'));
  });

  it('follows a double-quoted scalar over its folded lines', () => {
    const source = 'c: "a\n  b"\n';
    const scalar = scalarAt(source, 'c');
    expect(scalar.value).toBe('a b');
    expect(locateInScalar(source, scalar, 2)).toBe(source.indexOf('b'));
  });

  it('falls back to the scalar start for a folded block (>), whose lines it does not follow', () => {
    const source = 'c: >\n  {"a":\n  1}\n';
    const scalar = scalarAt(source, 'c');
    expect(locateInScalar(source, scalar, 6)).toBe(source.indexOf('>'));
  });
});

describe('locateYamlNode, more', () => {
  it('points a text key into a list at the list, even one that reads as an index', () => {
    const listStart = text.indexOf('- name: Reader');
    expect(locateYamlNode(doc, ['taskContent', 'steps', '0'])).toEqual({ offset: listStart, node: null, scalar: null });
  });

  it('points at each item of a list, and returns it', () => {
    const located = locateYamlNode(doc, ['taskContent', 'steps', 1]);
    expect(located.offset).toBe(text.indexOf('name: Writer'));
    expect(located.node).not.toBeNull();
  });
});

describe('locateInScalar, past the end', () => {
  it('points a value offset past the end just after the last character', () => {
    const source = 'c: abc\n';
    expect(locateInScalar(source, scalarAt(source, 'c'), 99)).toBe(6);
    expect(locateInScalar(source, scalarAt(source, 'c'), -5)).toBe(3);
  });
});
