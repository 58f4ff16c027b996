import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, validateJsonValue } from '../../../src/core/task/validate-json-value.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('validateJsonValue', () => {
  it('accepts every JSON value', () => {
    expect(validateJsonValue({ a: [1, 'x', true, null, { b: -0.5 }] }, ['taskContent'])).toEqual([]);
  });

  it('says nothing about a missing value (the schema does)', () => {
    expect(validateJsonValue(undefined, ['taskParam'])).toEqual([]);
  });

  it('refuses infinities and NaN at their path, named as YAML writes them', () => {
    expect(validateJsonValue({ steps: [{ parameter: { max: Infinity, min: -Infinity } }], x: NaN }, ['taskContent'])).toEqual([
      { path: ['taskContent', 'steps', 0, 'parameter', 'max'], message: 'taskContent.steps[0].parameter.max must be a finite number, got .inf' },
      { path: ['taskContent', 'steps', 0, 'parameter', 'min'], message: 'taskContent.steps[0].parameter.min must be a finite number, got -.inf' },
      { path: ['taskContent', 'x'], message: 'taskContent.x must be a finite number, got .nan' },
    ]);
  });

  it('refuses values JSON cannot hold', () => {
    const value = { when: new Date(0), bytes: new Uint8Array(1), set: new Set([1]), big: 1n };
    expect(validateJsonValue(value, ['taskParam']).map((i) => i.message)).toEqual([
      'taskParam.when must be a JSON value, got a timestamp',
      'taskParam.bytes must be a JSON value, got binary data (!!binary)',
      'taskParam.set must be a JSON value, got a YAML set or ordered map',
      'taskParam.big must be a JSON value, got 1',
    ]);
  });

  it('checks the root value itself', () => {
    expect(validateJsonValue(Infinity, ['taskParam'])).toEqual([{ path: ['taskParam'], message: 'taskParam must be a finite number, got .inf' }]);
    for (const root of [null, 'text', true, false, 0, -2.5]) expect(validateJsonValue(root, ['taskParam'])).toEqual([]);
  });

  it('refuses a value JSON.stringify would drop or cannot write, inside a mapping or a list', () => {
    expect(validateJsonValue({ gone: undefined, list: [undefined], big: 1n }, ['taskContent']).map((i) => i.path.join('.'))).toEqual([
      'taskContent.gone',
      'taskContent.list.0',
      'taskContent.big',
    ]);
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses one more, once, at the deepest container`, () => {
    expect(validateJsonValue(nested(MAX_DEPTH), ['taskContent'])).toEqual([]);
    const issues = validateJsonValue(nested(MAX_DEPTH + 1), ['taskContent']);
    expect(issues).toEqual([{ path: ['taskContent', ...Array<number>(MAX_DEPTH).fill(0)], message: `taskContent is nested too deeply: expected at most ${MAX_DEPTH} levels` }]);
  });

  it('handles a very deep value without overflowing the stack', () => {
    expect(validateJsonValue(nested(100_000), ['taskContent'])).toHaveLength(1);
  });

  it('stops after 20 problems', () => {
    expect(validateJsonValue(Array<number>(50).fill(NaN), ['taskContent'])).toHaveLength(20);
  });
});
