import type { ApiVersion } from '../config/api-version.js';

// What one listing call showed: answered with how many DI tasks, or failed with the service's code.
export type ListingEvidence = { answered: true; diTasks: number } | { answered: false; code: string };

export type ApiReport = {
  configured: ApiVersion; // workspaces."P".api in dwsync.yaml, else 2020-05-18
  suggested: ApiVersion | null; // null when the answers do not settle it
  evidence: string;
};

// Which generation the service's answers suggest for a workspace. The rule:
// - 2024-05-18 when ListNodes (2024) answered with DI nodes and ListFiles (2020) either failed or
//   answered without a DI file: the batch sync tasks live as nodes (new Data Studio);
// - 2020-05-18 when ListFiles answered with DI files, or ListNodes failed while ListFiles answered;
// - otherwise (both empty, both failed) nothing is suggested. Pure.
export function suggestApi(configured: ApiVersion, files: ListingEvidence, nodes: ListingEvidence): ApiReport {
  const evidence = `ListFiles ${describe(files, 'file')}; ListNodes ${describe(nodes, 'node')}`;
  let suggested: ApiVersion | null = null;
  if (nodes.answered && nodes.diTasks > 0 && (!files.answered || files.diTasks === 0)) suggested = '2024-05-18';
  else if (files.answered && (files.diTasks > 0 || !nodes.answered)) suggested = '2020-05-18';
  return { configured, suggested, evidence };
}

function describe(e: ListingEvidence, what: string): string {
  return e.answered ? `answered with ${e.diTasks} DI ${what}(s) on its first page` : `failed (${e.code})`;
}
