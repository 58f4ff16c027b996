import { describe, expect, it } from 'vitest';
import { apiOf, apiResolver } from '../../../src/core/config/api-version.js';

describe('apiOf', () => {
  it('gives a listed workspace its api and any other 2020-05-18', () => {
    const workspaces = { '20000': { api: '2024-05-18' as const }, '10000': { api: '2020-05-18' as const } };
    expect(apiOf(workspaces, 20000)).toBe('2024-05-18');
    expect(apiOf(workspaces, 10000)).toBe('2020-05-18');
    expect(apiOf(workspaces, 30000)).toBe('2020-05-18');
    expect(apiResolver(workspaces)(20000)).toBe('2024-05-18');
  });
});
