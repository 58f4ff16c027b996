import { describe, expect, it } from 'vitest';
import { copyJsonField, defineLazyJson, lazyJsonText } from '../../../src/core/text/define-lazy.js';

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

describe('defineLazyJson, the hidden text', () => {
  it('a spread copy carries the parsed value, not the hidden text', () => {
    const target = {};
    defineLazyJson(target, 'config', '{"x":1}');
    expect(Object.getOwnPropertySymbols({ ...target })).toEqual([]);
  });

  it('a field can be made lazy again, with a new text, also after it was assigned', () => {
    const target: Record<string, unknown> = {};
    defineLazyJson(target, 'config', '1');
    defineLazyJson(target, 'config', '2');
    expect(target.config).toBe(2);
    target.config = 3;
    defineLazyJson(target, 'config', '4');
    expect(target.config).toBe(4);
  });

  it('an assigned field stays enumerable and can be assigned again', () => {
    const target: Record<string, unknown> = {};
    defineLazyJson(target, 'config', '1');
    target.config = 2;
    target.config = 3;
    expect(target.config).toBe(3);
    expect(JSON.stringify(target)).toBe('{"config":3}');
  });
});

describe('lazyJsonText', () => {
  it('gives the text behind a lazy field', () => {
    const target = {};
    defineLazyJson(target, 'config', '{"x": 1}');
    expect(lazyJsonText(target, 'config')).toBe('{"x": 1}');
  });

  it('gives undefined for a plain field, an assigned one, a field made lazy with a pick, or one never made lazy by any object', () => {
    const assigned: Record<string, unknown> = {};
    defineLazyJson(assigned, 'config', '1');
    assigned.config = 1;
    const picked = {};
    defineLazyJson(picked, 'picked only', '[1]', firstItem);
    expect(lazyJsonText({ config: 1 }, 'config')).toBeUndefined();
    expect(lazyJsonText(assigned, 'config')).toBeUndefined();
    expect(lazyJsonText(picked, 'picked only')).toBeUndefined();
    expect(lazyJsonText({ never: 1 }, 'never')).toBeUndefined();
  });
});

describe('copyJsonField', () => {
  it('copies a lazy field as its text, still lazy', () => {
    const from = {};
    defineLazyJson(from, 'config', '{"x":1}');
    const to: Record<string, unknown> = {};
    copyJsonField(from, to, 'config');
    expect(lazyJsonText(to, 'config')).toBe('{"x":1}');
    expect(to.config).toEqual({ x: 1 });
  });

  it('copies a plain field as its value', () => {
    const value = { x: 1 };
    const to: Record<string, unknown> = {};
    copyJsonField({ config: value }, to, 'config');
    expect(to.config).toBe(value);
    expect(lazyJsonText(to, 'config')).toBeUndefined();
  });
});
