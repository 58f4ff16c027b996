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
