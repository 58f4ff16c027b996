import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Config, CONFIG_KEYS, defaultConfig } from '../../../src/core/config/config-schema.js';

function refusals(value: unknown): [string, string][] {
  const result = (Config as z.ZodType).safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('Config', () => {
  it('fills every key with its default', () => {
    expect(defaultConfig).toEqual({ jobs: 'jobs', state: '.dwsync/state.json', region: 'cn-hangzhou', endpoint: null, concurrency: 4, qps: 5, deploy: false, prune: false, maxDeletes: 10, workspaces: {} });
    expect(CONFIG_KEYS).toEqual(['jobs', 'state', 'region', 'endpoint', 'concurrency', 'qps', 'deploy', 'prune', 'maxDeletes', 'workspaces']);
  });

  it('accepts the edges: qps 0 (no ceiling), concurrency 1, a fractional qps, endpoint null', () => {
    expect(Config.parse({ qps: 0, concurrency: 1, endpoint: null })).toMatchObject({ qps: 0, concurrency: 1, endpoint: null });
    expect(Config.parse({ qps: 0.5 }).qps).toBe(0.5);
  });

  it('refuses each bad value with its expectation', () => {
    expect(refusals({ jobs: '', state: '', region: 'CN_Hangzhou', endpoint: '', concurrency: 0.5, qps: -1, deploy: 'yes', prune: 1, maxDeletes: -1 })).toEqual([
      ['jobs', 'a folder path'],
      ['state', 'a file path'],
      ['region', 'a region id such as cn-hangzhou'],
      ['endpoint', 'a URL or null'],
      ['concurrency', 'an integer >= 1'],
      ['qps', 'a number >= 0 (0 = no ceiling)'],
      ['deploy', 'true or false'],
      ['prune', 'true or false'],
      ['maxDeletes', 'an integer >= 0'],
    ]);
    expect(refusals({ concurrency: 0 })).toEqual([['concurrency', 'an integer >= 1']]);
  });

  it('refuses an unknown key', () => {
    expect(Config.safeParse({ job: 'jobs' }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['job'] }]);
  });
});
