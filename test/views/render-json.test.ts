import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/views/render-json.js';

describe('renderJson', () => {
  it('writes one document and a newline, pretty-printed with indent 2, on one line with 0', () => {
    expect(renderJson({ a: [1, { b: 'c' }] }, 2)).toBe('{\n  "a": [\n    1,\n    {\n      "b": "c"\n    }\n  ]\n}\n');
    expect(renderJson({ a: [1, { b: 'c' }] }, 0)).toBe('{"a":[1,{"b":"c"}]}\n');
  });
});
