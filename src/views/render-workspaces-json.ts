import { renderJson } from './render-json.js';
import type { WorkspacesListing } from './render-workspaces-text.js';

// `dwsync workspaces --json`, on one line: what a CI matrix reads (`jq -c '[.workspaces[].projectId]'`).
export function renderWorkspacesJson(listing: WorkspacesListing): string {
  return renderJson({ formatVersion: 1, perWorkspaceState: listing.perWorkspaceState, workspaces: listing.workspaces }, 0);
}
