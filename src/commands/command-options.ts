import type { ApplyProgress } from '../core/plan/report.js';
import type { Clock, Logger, DataWorks } from '../ports.js';

// What the CLI flags and the Action inputs both turn into. Unset fields fall back to dwsync.yaml,
// then to the defaults (docs/dwsync-yaml.md).
export type CommandOptions = {
  root: string; // repository root, absolute
  statePath?: string; // --state (the Action's state input): relative to root
  endpoint?: string | null;
  region?: string;
  concurrency?: number;
  qps?: number;
  deploy?: boolean;
  only?: string[]; // globs over task files, relative to root
  refresh?: boolean;
  force?: boolean;
  prune?: boolean; // delete orphans that dwsync created or applied
  maxDeletes?: number; // with prune: more deletions than this stop the run before any call
  remote?: boolean; // validate: also check datasources and resource groups against the workspace
  workspace?: number; // only this DataWorks workspace (projectId)
};

export type CommandDeps = {
  clock: Clock;
  logger: Logger;
  env: Record<string, string | undefined>;
  // Builds the API client once the endpoint is known; tests and the emulator pass their own.
  createDataWorks?: (endpoint: { endpoint: string | null; region: string }) => DataWorks;
  signal?: AbortSignal; // aborting stops new calls; calls in flight finish and are recorded
  onProgress?: (progress: ApplyProgress) => void;
  random?: () => number;
};
