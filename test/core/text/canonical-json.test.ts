import { describe, expect, it } from 'vitest';

import { canonicalJson, hashCanonical } from '../../../src/core/text/canonical-json.js';

describe('canonicalJson', () => {
  it('ignores object key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"y":1}]},"b":1}',
    );
    expect(hashCanonical({ a: 1, b: 2 })).toBe(hashCanonical({ b: 2, a: 1 }));
  });

  it('keeps array order and tells 2 from "2"', () => {
    expect(hashCanonical([1, 2])).not.toBe(hashCanonical([2, 1]));
    expect(hashCanonical({ n: 2 })).not.toBe(hashCanonical({ n: '2' }));
    expect(hashCanonical({ n: 2 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
