import type { CreateDataWorksOptions } from '../dataworks/create-sdk-caller.js';
import type { Clock, DataWorks, Logger, ProgressPort } from '../ports.js';

// What the CLI flags and the Action inputs both turn into: only what was given is set. Unset fields
// fall back to the environment and dwsync.yaml, then to the defaults (resolve-settings.ts).
export type CommandOptions = {
  root: string; // repository root, absolute
  statePath?: string; // --state (the Action's state input); relative to root
  endpoint?: string; // a URL; without one, DWSYNC_ENDPOINT, then dwsync.yaml, then the region decide
  region?: string;
  concurrency?: number;
  qps?: number;
  deploy?: boolean;
  only?: string[]; // globs over task files, relative to root
  refresh?: boolean;
  force?: boolean;
  prune?: boolean; // delete orphans that dwsync created or applied
  maxDeletes?: number; // with prune: more deletions than this stop the run before any call
  workspace?: number; // only this DataWorks workspace (projectId)
};

export type CommandDeps = {
  clock: Clock;
  logger: Logger;
  env: Record<string, string | undefined>;
  // Builds the API client once the endpoint is known (the default is dataworks/create-data-works.ts,
  // loaded only then); tests and the emulator pass their own, e.g. with an access-key credential.
  createDataWorks?: (options: CreateDataWorksOptions) => DataWorks;
  signal?: AbortSignal; // aborting stops new calls; calls in flight finish and are recorded
  progress?: ProgressPort; // told each outcome of apply and import as it is recorded
  random?: () => number;
};
