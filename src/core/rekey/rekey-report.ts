import type { MatchedBy } from './match-nodes.js';

// What `dwsync rekey` did (or, with --dry-run, would do) for one workspace.
export type RekeyedTask = {
  file: string; // the task file, repository-relative
  fileId: number;
  nodeId: string;
  by: MatchedBy; // how the node was found
  recordMoved: boolean; // the state had a record under projectId/fileId, now under projectId/nodeId
};

export type UnmatchedTask = { file: string; fileId: number; reason: string };
export type AmbiguousTask = { file: string; fileId: number; nodeIds: string[] };

export type RekeyReport = {
  formatVersion: 1;
  projectId: number;
  dryRun: boolean;
  diNodes: number; // DI nodes the workspace listed
  rekeyed: RekeyedTask[];
  unmatched: UnmatchedTask[];
  ambiguous: AmbiguousTask[];
};
