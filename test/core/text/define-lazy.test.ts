import { describe, expect, it } from 'vitest';
import { defineLazyJson } from '../../../src/core/text/define-lazy.js';

const firstItem = (parsed: unknown) => (parsed as unknown[])[0];

describe('defineLazyJson', () => {
  it('parses the text again on each read: a plain, enumerable value to spreads and JSON', () => {
    const target: Record<string, unknown> = { a: 1 };
    defineLazyJson(target, 'config', '{"x":[1,2]}');
    expect(target.config).toEqual({ x: [1, 2] });
    expect(target.config).not.toBe(target.config); // a fresh parse each time, nothing held
    expect({ ...target }).toEqual({ a: 1, config: { x: [1, 2] } });
    expect(JSON.stringify(target)).toBe('{"a":1,"config":{"x":[1,2]}}');
    expect(Object.keys(target)).toEqual(['a', 'config']);
  });

  it('becomes a plain field once assigned', () => {
    const target: Record<string, unknown> = {};
    defineLazyJson(target, 'config', '{"x":1}');
    const value = { y: 2 };
    target.config = value;
    expect(target.config).toBe(value);
  });

  it('applies pick to what it parsed, and keeps each object its own text', () => {
    const one: Record<string, unknown> = {};
    const two: Record<string, unknown> = {};
    defineLazyJson(one, 'first', '[1,2]', firstItem);
    defineLazyJson(two, 'first', '["b"]', firstItem);
    expect([one.first, two.first]).toEqual([1, 'b']);
  });

  it('shares one getter among objects with the same field and pick', () => {
    const one = {};
    const two = {};
    defineLazyJson(one, 'shared', '1');
    defineLazyJson(two, 'shared', '2');
    expect(Object.getOwnPropertyDescriptor(one, 'shared')!.get).toBe(Object.getOwnPropertyDescriptor(two, 'shared')!.get);
  });
});
