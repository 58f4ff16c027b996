import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/core/text/compare-text.js';

describe('compareText', () => {
  it('orders by UTF-16 code unit, whatever the locale', () => {
    expect(['b', 'a', 'B', 'é', 'Z', '_', '10', '9'].sort(compareText)).toEqual(['10', '9', 'B', 'Z', '_', 'a', 'b', 'é']);
  });

  it('gives -1, 0 or 1', () => {
    expect([compareText('a', 'b'), compareText('a', 'a'), compareText('b', 'a')]).toEqual([-1, 0, 1]);
  });

  it('puts a prefix first', () => {
    expect(compareText('jobs/a', 'jobs/a.yaml')).toBe(-1);
  });
});
