import type { Config } from './config-schema.js';

// The two generations of DataWorks' OpenAPI. A workspace on the legacy Data Studio speaks 2020-05-18,
// where a batch sync task is a file (UpdateDISyncTask, GetFile, ...); one on the new Data Studio speaks
// 2024-05-18, where a task is a node that a FlowSpec document describes (UpdateNode, GetNode, ...).
// DataWorks asks new-Data-Studio workspaces to use 2024-05-18: its 2020-05-18 file operations fail there.
export const API_VERSIONS = ['2020-05-18', '2024-05-18'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const LEGACY_API: ApiVersion = '2020-05-18';
export const DATA_STUDIO_API: ApiVersion = '2024-05-18';

// Which generation a workspace speaks: what dwsync.yaml's workspaces.<id>.api says, else 2020-05-18.
export function apiOf(workspaces: Config['workspaces'], projectId: number): ApiVersion {
  return workspaces[String(projectId)]?.api ?? LEGACY_API;
}

// The same, as a function of the workspace alone, for the parts of a run that only need that.
export type ApiOf = (projectId: number) => ApiVersion;

export function apiResolver(workspaces: Config['workspaces']): ApiOf {
  return (projectId) => apiOf(workspaces, projectId);
}
