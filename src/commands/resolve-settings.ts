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
  };
}
