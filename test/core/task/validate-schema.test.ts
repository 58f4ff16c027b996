import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateSchema, valueAt } from '../../../src/core/task/validate-schema.js';

const Settings = z.strictObject({
  concurrency: z.number({ error: 'an integer >= 1' }).int({ error: 'an integer >= 1' }).min(1, { error: 'an integer >= 1' }).optional(),
  mode: z.enum(['reader', 'writer'], { error: '"reader" or "writer"' }).optional(),
  name: z.string().optional(), // zod's own messages
  limits: z.strictObject({ rows: z.number().optional() }).optional(),
  list: z.array(z.string().min(2)).optional(),
  required: z.string({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' }),
});
const KEYS = ['concurrency', 'mode', 'name', 'limits', 'list', 'required'];

describe('validateSchema', () => {
  it('returns nothing for a valid value', () => {
    expect(validateSchema(Settings, { required: 'x', concurrency: 2 }, KEYS)).toEqual([]);
  });

  it('says what was expected and what was found, with the path', () => {
    expect(validateSchema(Settings, { required: 'x', concurrency: 0 }, KEYS)).toEqual([
      { path: ['concurrency'], message: 'concurrency must be an integer >= 1, got 0' },
    ]);
  });

  it('says a missing key is missing, with the expectation', () => {
    expect(validateSchema(Settings, {}, KEYS)).toEqual([{ path: ['required'], message: 'required is missing: expected a non-empty string' }]);
  });

  it('calls the top level "the document"', () => {
    expect(validateSchema(z.object({}, { error: 'a mapping' }), 3, [])).toEqual([{ path: [], message: 'the document must be a mapping, got 3' }]);
  });

  it("rewords zod's own messages as expectations", () => {
    expect(validateSchema(Settings, { required: 'x', name: 5 }, KEYS)).toEqual([{ path: ['name'], message: 'name must be of type string, got 5' }]);
    expect(validateSchema(Settings, { required: 'x', list: ['ok', 'a'] }, KEYS)).toEqual([
      { path: ['list', 1], message: 'list[1] must be too small: expected string to have >=2 characters, got "a"' },
    ]);
  });

  it('suggests the nearest word of a closed set for a misspelt value', () => {
    expect(validateSchema(Settings, { required: 'x', mode: 'raeder' }, KEYS)).toEqual([
      { path: ['mode'], message: 'mode must be "reader" or "writer", got "raeder" (did you mean "reader"?)' },
    ]);
  });

  it('suggests nothing for a value with no letters or far from every word', () => {
    expect(validateSchema(Settings, { required: 'x', mode: '12' }, KEYS)[0]?.message).toBe('mode must be "reader" or "writer", got "12"');
    expect(validateSchema(Settings, { required: 'x', mode: 'transformer' }, KEYS)[0]?.message).toBe('mode must be "reader" or "writer", got "transformer"');
  });

  it('points an unknown top-level key at the key, with the nearest spelling', () => {
    expect(validateSchema(Settings, { required: 'x', concurency: 2 }, KEYS)).toEqual([
      { path: ['concurency'], at: 'key', message: 'unknown key "concurency" (did you mean "concurrency"?)' },
    ]);
  });

  it('lists the allowed keys when no spelling is near', () => {
    expect(validateSchema(Settings, { required: 'x', zzz: 1 }, KEYS)).toEqual([
      { path: ['zzz'], at: 'key', message: `unknown key "zzz"; allowed keys: ${KEYS.join(', ')}` },
    ]);
  });

  it('names the mapping of a nested unknown key, and uses the keys given for its path', () => {
    const issues = validateSchema(Settings, { required: 'x', limits: { rowz: 1 } }, { '': KEYS, limits: ['rows'] });
    expect(issues).toEqual([{ path: ['limits', 'rowz'], at: 'key', message: 'unknown key "rowz" in limits (did you mean "rows"?)' }]);
  });

  it('gives no hint for an unknown key in a mapping whose keys were not given', () => {
    expect(validateSchema(Settings, { required: 'x', limits: { zzz: 1 } }, KEYS)).toEqual([
      { path: ['limits', 'zzz'], at: 'key', message: 'unknown key "zzz" in limits' },
    ]);
  });

  it('reports one issue per unknown key, and every other issue too', () => {
    const issues = validateSchema(Settings, { required: '', a: 1, b: 2 }, KEYS);
    expect(issues.map((i) => i.message)).toEqual([
      'required must be a non-empty string, got ""',
      `unknown key "a"; allowed keys: ${KEYS.join(', ')}`,
      `unknown key "b"; allowed keys: ${KEYS.join(', ')}`,
    ]);
  });
});

describe('valueAt', () => {
  it('follows keys and indices', () => {
    expect(valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(valueAt({ a: null }, ['a'])).toBeNull();
  });

  it('gives undefined past a scalar, for a missing key, and for inherited properties', () => {
    expect(valueAt({ a: 'text' }, ['a', 'length'])).toBeUndefined();
    expect(valueAt({ a: {} }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['toString'])).toBeUndefined();
  });
});

describe('valueAt', () => {
  it('finds nothing below a null, a scalar or a missing key', () => {
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({ a: {} }, ['a', 'toString'])).toBeUndefined();
    expect(valueAt({ a: [5] }, ['a', 0])).toBe(5);
  });
});
