import { createCallRunner } from '../dataworks/call-runner.js';
import type { DataWorksSession } from '../ports.js';
import { createLimiter } from '../dataworks/create-limiter.js';
import type { Settings } from '../core/config/settings.js';
import type { CommandDeps } from './command-options.js';

// The API client and the one call runner (rate limit, retries, abort) that every call of a run shares.
// Missing credentials stop the run here, before any call, as a usage error (exit 1).
export async function connect(
  settings: Pick<Settings, 'endpoint' | 'region' | 'qps'>,
  deps: Pick<CommandDeps, 'clock' | 'random' | 'signal' | 'createDataWorks'>,
): Promise<DataWorksSession> {
  // Loaded here, not at start-up: the SDK costs about half a second that validate and plan do not need.
  const create = deps.createDataWorks ?? (await import('../dataworks/create-data-works.js')).createDataWorks;
  const dataWorks = create({ endpoint: settings.endpoint, region: settings.region });
  await dataWorks.verifyCredentials?.();
  const call = createCallRunner({
    clock: deps.clock,
    random: deps.random ?? Math.random,
    limiter: createLimiter(settings.qps, deps.clock),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  return { dataWorks, call };
}
