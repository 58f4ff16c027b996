import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { describeYamlError, findAliasOffset } from '../../../src/core/text/describe-yaml-error.js';

function messages(text: string): string[] {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return [...doc.errors, ...doc.warnings].map((error) => describeYamlError(doc, error));
}

describe('describeYamlError', () => {
  it('names a duplicate key', () => {
    expect(messages('fileId: 1\nfileId: 2\n')).toEqual(['duplicate key "fileId": a key may appear only once in a mapping']);
  });

  it('names a duplicate key inside a nested mapping', () => {
    expect(messages('taskParam:\n  Cu: 1\n  Cu: 2\n')).toEqual(['duplicate key "Cu": a key may appear only once in a mapping']);
  });

  it('names a duplicate key however it is quoted', () => {
    expect(messages('a: 1\n"a": 2\n')).toEqual(['duplicate key "a": a key may appear only once in a mapping']);
  });

  it('leaves out the name when no key starts where the error points', () => {
    const doc = parseDocument('a: 1\na: 2\n', { prettyErrors: false, uniqueKeys: true });
    const [error] = doc.errors;
    error!.pos[0] = 1;
    expect(describeYamlError(doc, error!)).toBe('duplicate key: a key may appear only once in a mapping');
  });

  it('says tabs cannot indent', () => {
    expect(messages('a:\n\t- 1\n')).toEqual(['tab used for indentation: YAML allows only spaces']);
  });

  it('names an unsupported tag without the parser’s prefix', () => {
    expect(messages('a: !foo x\n')).toEqual(['unsupported YAML tag: !foo (write plain values, without tags)']);
  });

  it("passes other errors on with the parser's text, lower-cased", () => {
    expect(messages('a: [1\n')).toEqual(['invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]']);
  });
});

describe('findAliasOffset', () => {
  const text = 'a: &x 1\nb: &y 2\nc: *y\nd: *x\n';
  const doc = parseDocument(text);

  it('finds the first alias', () => {
    expect(findAliasOffset(doc)).toBe(text.indexOf('*y'));
  });

  it('finds the first alias of a given anchor', () => {
    expect(findAliasOffset(doc, 'x')).toBe(text.indexOf('*x'));
  });

  it('gives null when there is none', () => {
    expect(findAliasOffset(doc, 'z')).toBeNull();
    expect(findAliasOffset(parseDocument('a: 1\n'))).toBeNull();
  });
});
