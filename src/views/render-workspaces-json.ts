import { renderJson } from './render-json.js';
import type { WorkspacesReport } from '../core/config/workspaces-report.js';

// `dwsync workspaces --json`, on one line: what a CI matrix reads (`jq -c '[.workspaces[].projectId]'`).
export function renderWorkspacesJson(report: WorkspacesReport): string {
  return renderJson({ formatVersion: 1, perWorkspaceState: report.perWorkspaceState, workspaces: report.workspaces }, 0);
}
