import { z } from 'zod';
import { API_VERSIONS } from './api-version.js';

// dwsync.yaml (docs/dwsync-yaml.md). Every key is optional; the defaults
// are those docs/dwsync-yaml.md lists. Unknown keys are an error, as in task files.
export const Config = z.strictObject({
  jobs: z.string({ error: 'a folder path' }).min(1, { error: 'a folder path' }).default('jobs'),
  state: z.string({ error: 'a file path' }).min(1, { error: 'a file path' }).default('.dwsync/state.json'),
  region: z.string({ error: 'a region id such as cn-hangzhou' }).regex(/^[a-z0-9-]+$/, { error: 'a region id such as cn-hangzhou' }).default('cn-hangzhou'),
  endpoint: z.string({ error: 'a URL or null' }).min(1, { error: 'a URL or null' }).nullable().default(null),
  concurrency: z.number({ error: 'an integer >= 1' }).int({ error: 'an integer >= 1' }).min(1, { error: 'an integer >= 1' }).default(4),
  qps: z.number({ error: 'a number >= 0 (0 = no ceiling)' }).min(0, { error: 'a number >= 0 (0 = no ceiling)' }).default(5),
  deploy: z.boolean({ error: 'true or false' }).default(false),
  prune: z.boolean({ error: 'true or false' }).default(false), // apply deletes orphans dwsync created or applied
  // With prune: more deletions than this in one run stop it before any call.
  maxDeletes: z.number({ error: 'an integer >= 0' }).int({ error: 'an integer >= 0' }).min(0, { error: 'an integer >= 0' }).default(10),
  // Per workspace id: which API generation it speaks. A workspace not listed speaks 2020-05-18.
  workspaces: z
    .record(
      z.string().regex(/^[1-9]\d*$/, { error: 'a workspace id (a positive integer)' }),
      z.strictObject({ api: z.enum(API_VERSIONS, { error: '"2020-05-18" or "2024-05-18"' }) }, { error: 'a mapping with api' }),
      { error: 'a mapping of workspace ids to {api}' },
    )
    .default({}),
});
export type Config = z.infer<typeof Config>;

export const CONFIG_KEYS = Object.keys(Config.shape);

export const defaultConfig: Config = Config.parse({});
