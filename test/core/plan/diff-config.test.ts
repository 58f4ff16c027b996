import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffConfig, diffFromNothing, maskPatch } from '../../../src/core/plan/diff-config.js';
import type { JsonValue } from '../../../src/core/text/json.js';

describe('diffConfig', () => {
  it('gives the RFC 6902 operations from one config to the other', () => {
    expect(diffConfig({ a: 1, b: [1, 2], c: 'x' }, { a: 2, b: [1], d: true })).toEqual([
      { op: 'remove', path: '/c' },
      { op: 'remove', path: '/b/1' },
      { op: 'replace', path: '/a', value: 2 },
      { op: 'add', path: '/d', value: true },
    ]);
  });

  it('yields nothing for a change of key order alone', () => {
    expect(diffConfig({ a: 1, b: { c: 1, d: 2 } }, { b: { d: 2, c: 1 }, a: 1 })).toEqual([]);
  });

  it('escapes keys with "/" and "~" in paths', () => {
    expect(diffConfig({ 'a/b': 1, 'c~': 1 }, { 'a/b': 2, 'c~': 2 })).toEqual([
      { op: 'replace', path: '/c~0', value: 2 },
      { op: 'replace', path: '/a~1b', value: 2 },
    ]);
  });
});

describe('maskPatch', () => {
  it('masks the value of an operation below a secret key, keeping its path', () => {
    expect(maskPatch([{ op: 'replace', path: '/steps/0/parameter/password', value: 'hunter2' }])).toEqual([
      { op: 'replace', path: '/steps/0/parameter/password', value: '(sensitive)' },
    ]);
  });

  it('masks every secret inside an added value, and nothing else', () => {
    expect(maskPatch([{ op: 'add', path: '/steps/1', value: { parameter: { datasource: 'd', accessKey: 'k', list: [{ token: 't' }] } } }])).toEqual([
      { op: 'add', path: '/steps/1', value: { parameter: { datasource: 'd', accessKey: '(sensitive)', list: [{ token: '(sensitive)' }] } } },
    ]);
  });

  it('leaves operations without a value, and values under other keys, as they are', () => {
    const patch = [
      { op: 'remove' as const, path: '/steps/0/parameter/password' },
      { op: 'replace' as const, path: '/setting/speed/concurrent', value: 4 },
    ];
    expect(maskPatch(patch)).toEqual(patch);
  });
});

describe('diffFromNothing', () => {
  it('adds every key, in order, with escaped paths', () => {
    expect(diffFromNothing({ b: [1, { c: 2 }], 'a/b': null, 'c~': 'x' })).toEqual([
      { op: 'add', path: '/b', value: [1, { c: 2 }] },
      { op: 'add', path: '/a~1b', value: null },
      { op: 'add', path: '/c~0', value: 'x' },
    ]);
  });

  it('is diffConfig from an empty config, for any config (an object or a list)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', '1', '10', 'a/b', 'c~', '__proto__'), fc.string({ maxLength: 3 }));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 0 }), tie('array'), tie('object')),
      array: fc.array(tie('any'), { maxLength: 3 }),
      object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
    }));
    const config = fc.oneof(value.object, value.array) as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(config, (to) => {
        expect(diffFromNothing(to)).toEqual(diffConfig({}, to));
      }),
    );
  });
});

