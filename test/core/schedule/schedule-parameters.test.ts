import { describe, expect, it } from 'vitest';
import { findMalformedParameter, formatParameters, parseParameters } from '../../../src/core/schedule/schedule-parameters.js';

describe('parseParameters', () => {
  it('splits name=value pairs at any run of spaces, only at the first "=" of each', () => {
    expect(parseParameters('  bizdate=$yyyymmdd \t eq=a=b\nx=${bizdate}  ')).toEqual([
      { name: 'bizdate', value: '$yyyymmdd' },
      { name: 'eq', value: 'a=b' },
      { name: 'x', value: '${bizdate}' },
    ]);
  });

  it('reads an empty or blank text as no parameters', () => {
    expect(parseParameters('')).toEqual([]);
    expect(parseParameters('   ')).toEqual([]);
  });
});

describe('formatParameters', () => {
  it('joins the pairs with one space, the inverse of parseParameters', () => {
    const text = 'bizdate=$yyyymmdd other=$[yyyymmdd-1] eq=a=b';
    expect(formatParameters(parseParameters(text))).toBe(text);
  });
});

describe('findMalformedParameter', () => {
  it('finds nothing wrong in name=value pairs, spaces around them included', () => {
    expect(findMalformedParameter('  a=1 \t b.c-d_e=$x=y  ')).toBeNull();
    expect(findMalformedParameter('')).toBeNull();
  });

  it('gives the first token without a name before its "="', () => {
    expect(findMalformedParameter('a=1 =2 c')).toBe('=2');
    expect(findMalformedParameter('a=1 bizdate')).toBe('bizdate');
    expect(findMalformedParameter('1a=x')).toBe('1a=x');
    expect(findMalformedParameter('a b=1')).toBe('a');
    expect(findMalformedParameter('x=1 a!b=1')).toBe('a!b=1');
  });
});
