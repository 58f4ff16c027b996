import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonPieces } from '../../src/views/render-json.js';

describe('renderJson', () => {
  it('writes one document and a newline, pretty-printed with indent 2, on one line with 0', () => {
    expect(renderJson({ a: [1, { b: 'c' }] }, 2)).toBe('{\n  "a": [\n    1,\n    {\n      "b": "c"\n    }\n  ]\n}\n');
    expect(renderJson({ a: [1, { b: 'c' }] }, 0)).toBe('{"a":[1,{"b":"c"}]}\n');
  });
});

describe('renderJsonPieces', () => {
  it('joined, is renderJson\'s pretty text, whatever the document', () => {
    // Values JSON leaves out of an object and writes as null in an array, and a value with toJSON, too.
    const odd = fc.constantFrom(undefined, () => 1, new Date(0), Symbol('s'));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('array'), tie('object')),
      array: fc.array(tie('any'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 6 }), tie('any'), { maxKeys: 4 }),
    })).any;
    fc.assert(
      fc.property(value, (document) => {
        fc.pre(document !== undefined && typeof document !== 'function' && typeof document !== 'symbol');
        expect([...renderJsonPieces(document)].join('')).toBe(renderJson(document, 2));
      }),
    );
  });

  it('gives each element of the document\'s arrays as pieces of its own', () => {
    const document = { formatVersion: 1, changes: [{ key: 'a', patch: [1, 2] }, { key: 'b', patch: [] }] };
    const pieces = [...renderJsonPieces(document)];
    expect(pieces).toContain(JSON.stringify(document.changes[0], null, 2).replaceAll('\n', '\n    '));
    expect(pieces).toContain(JSON.stringify(document.changes[1], null, 2).replaceAll('\n', '\n    '));
  });
});
