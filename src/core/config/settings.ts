import type { Config } from './config-schema.js';

// One run's settings: dwsync.yaml's values with the flags (or the Action's inputs) and the
// environment laid over them, plus what only a flag says. commands/resolve-settings.ts makes them;
// from there on, every part of a run reads these and nothing else.
export type Settings = Omit<Config, 'state'> & {
  root: string; // the repository root, absolute
  statePath: string; // absolute; may hold {projectId} (one state per workspace, commands/workspaces.ts)
  workspace: number | null; // --workspace: only this workspace's tasks
  only: string[]; // --only: globs over task files, relative to root
  refresh: boolean;
  force: boolean;
  parseThreads?: number; // threads that parse the task files (DWSYNC_PARSE_THREADS); unset: one per core, up to 4
};
