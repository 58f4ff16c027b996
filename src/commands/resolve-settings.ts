import path from 'node:path';

import { readConfig } from '../tasks/read-config.js';
import { UserInputError } from '../errors.js';
import type { Settings } from '../core/config/settings.js';
import type { CommandOptions } from './command-options.js';

// Flags override the environment, which overrides dwsync.yaml: --endpoint, then DWSYNC_ENDPOINT, then
// `endpoint` in the file.
export async function resolveSettings(options: CommandOptions, env: Record<string, string | undefined>): Promise<Settings> {
  const { config, problems } = await readConfig(options.root);
  if (problems.length > 0) throw new UserInputError('dwsync.yaml is invalid', { problems });
  const envEndpoint = env.DWSYNC_ENDPOINT?.trim() || undefined;
  const parseThreads = readParseThreads(env);
  return {
    root: options.root,
    jobs: config.jobs,
    statePath: path.resolve(options.root, options.statePath ?? config.state),
    endpoint: options.endpoint ?? envEndpoint ?? config.endpoint,
    region: options.region ?? config.region,
    concurrency: options.concurrency ?? config.concurrency,
    qps: options.qps ?? config.qps,
    deploy: options.deploy ?? config.deploy,
    only: options.only ?? [],
    refresh: options.refresh ?? false,
    force: options.force ?? false,
    prune: options.prune ?? config.prune,
    maxDeletes: options.maxDeletes ?? config.maxDeletes,
    workspace: options.workspace ?? null,
    workspaces: config.workspaces,
    ...(parseThreads !== undefined && { parseThreads }),
  };
}

// DWSYNC_PARSE_THREADS: how many threads parse the task files (tasks/parse-task-files.ts); 1 parses
// them all on the main thread, which uses the least memory. Unset: one per core, up to 4.
function readParseThreads(env: Record<string, string | undefined>): number | undefined {
  const text = env.DWSYNC_PARSE_THREADS?.trim();
  if (!text) return undefined;
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UserInputError(`DWSYNC_PARSE_THREADS must be a whole number from 1 to 64, got ${JSON.stringify(text)}`);
  return threads;
}
