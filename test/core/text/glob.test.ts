import { describe, expect, test } from 'vitest';
import { checkOnlyPattern, compileGlob, compileGlobs } from '../../../src/core/text/glob.js';

describe('compileGlob', () => {
  test('* and ? stay in one folder, ** spans folders', () => {
    expect(compileGlob('jobs/*.yaml').test('jobs/a.yaml')).toBe(true);
    expect(compileGlob('jobs/*.yaml').test('jobs/ods/a.yaml')).toBe(false);
    expect(compileGlob('jobs/**/*.yaml').test('jobs/a.yaml')).toBe(true);
    expect(compileGlob('jobs/**/*.yaml').test('jobs/ods/x/a.yaml')).toBe(true);
    expect(compileGlob('jobs/?.yaml').test('jobs/a.yaml')).toBe(true);
    expect(compileGlob('jobs/?.yaml').test('jobs/ab.yaml')).toBe(false);
    expect(compileGlob('jobs/a+b.yaml').test('jobs/a+b.yaml')).toBe(true);
    expect(compileGlob('jobs/a.yaml').test('jobs/aXyaml')).toBe(false);
  });
  test('a folder pattern selects everything below it', () => {
    const match = compileGlobs(['jobs/ods', 'jobs/dws/**']);
    expect(match('jobs/ods/a.yaml')).toBe(true);
    expect(match('jobs/dws/x/b.yml')).toBe(true);
    expect(match('jobs/ads/c.yaml')).toBe(false);
  });
});

describe('checkOnlyPattern', () => {
  test('patterns inside the jobs folder are accepted and normalised', () => {
    expect(checkOnlyPattern('./jobs/ods/**', 'jobs')).toEqual({ pattern: 'jobs/ods/**' });
    expect(checkOnlyPattern('**/u_pk.yaml', 'jobs')).toEqual({ pattern: '**/u_pk.yaml' });
    expect(checkOnlyPattern('data/jobs/x/', 'data/jobs')).toEqual({ pattern: 'data/jobs/x' });
  });
  test('patterns that reach outside are refused with a reason', () => {
    expect(checkOnlyPattern('../x', 'jobs')).toEqual({
      error: '--only pattern "../x" reaches outside the jobs folder jobs/: expected a pattern such as jobs/ods/**',
    });
    expect(checkOnlyPattern('/etc/**', 'jobs')).toEqual({
      error: '--only pattern "/etc/**" must be a relative path inside jobs/, e.g. jobs/ods/**',
    });
    expect('error' in checkOnlyPattern('C:\\jobs\\x', 'jobs')).toBe(true);
    expect('error' in checkOnlyPattern('jobs/../src/**', 'jobs')).toBe(true);
    expect('error' in checkOnlyPattern('', 'jobs')).toBe(true);
  });
});

describe('compileGlob, stars', () => {
  test('a star after a star-free character stays within one folder', () => {
    expect(compileGlob('jobs/a*').test('jobs/a/b')).toBe(false);
    expect(compileGlob('jobs/a*').test('jobs/ab')).toBe(true);
  });

  test('** without a slash after it spans folders from where it stands', () => {
    expect(compileGlob('jobs/**').test('jobs/a/b.yaml')).toBe(true);
    expect(compileGlob('jobs/x**.yaml').test('jobs/x/y.yaml')).toBe(true);
  });

  test('**/ stands for whole folders only', () => {
    expect(compileGlob('jobs/**/a.yaml').test('jobs/xa.yaml')).toBe(false);
    expect(compileGlob('jobs/**/a.yaml').test('jobs/x/a.yaml')).toBe(true);
  });
});

describe('matchesAnyGlob through compileGlobs', () => {
  test('a pattern naming a folder selects files at any depth below it, not a folder of a longer name', () => {
    const match = compileGlobs(['jobs/ods']);
    expect(match('jobs/ods/a/b/c.yaml')).toBe(true);
    expect(match('jobs/ods2/a.yaml')).toBe(false);
  });

  test('patterns written with backslashes or a trailing slash match like their forward form', () => {
    const match = compileGlobs(['jobs\\ods\\', 'jobs/dws/']);
    expect(match('jobs/ods/a.yaml')).toBe(true);
    expect(match('jobs/dws/b.yaml')).toBe(true);
  });

  test('no patterns select nothing', () => {
    expect(compileGlobs([])('jobs/a.yaml')).toBe(false);
  });
});

describe('checkOnlyPattern, more', () => {
  test('backslashes and a trailing slash of the jobs folder are normalised', () => {
    expect(checkOnlyPattern('data\\jobs\\x\\', 'data\\jobs\\')).toEqual({ pattern: 'data/jobs/x' });
    expect(checkOnlyPattern('ods/x', 'ods/')).toEqual({ pattern: 'ods/x' });
  });

  test('with the repository root as jobs folder, any relative pattern inside it is accepted, .. is not', () => {
    expect(checkOnlyPattern('ods/**', '.')).toEqual({ pattern: 'ods/**' });
    expect(checkOnlyPattern('..', '.')).toEqual({ error: '--only pattern ".." reaches outside the jobs folder ./: expected a pattern such as ./ods/**' });
    expect(checkOnlyPattern('../x', '.')).toEqual({ error: '--only pattern "../x" reaches outside the jobs folder ./: expected a pattern such as ./ods/**' });
    expect(checkOnlyPattern('x/..', '.')).toEqual({ pattern: '.' });
  });

  test('a pattern that starts with a wildcard may match inside the jobs folder', () => {
    expect(checkOnlyPattern('*/ods/**', 'jobs')).toEqual({ pattern: '*/ods/**' });
  });

  test('a Windows drive is refused as absolute, a colon elsewhere is a plain character', () => {
    expect(checkOnlyPattern('C:/jobs/x', 'jobs')).toEqual({ error: '--only pattern "C:/jobs/x" must be a relative path inside jobs/, e.g. jobs/ods/**' });
    expect(checkOnlyPattern('jobs/a:b', 'jobs')).toEqual({ pattern: 'jobs/a:b' });
    expect(checkOnlyPattern('1:/x', '.')).toEqual({ pattern: '1:/x' });
  });

  test('an empty pattern is refused as not a relative path', () => {
    expect(checkOnlyPattern('', 'jobs')).toEqual({ error: '--only pattern "" must be a relative path inside jobs/, e.g. jobs/ods/**' });
  });
});
