export type WorkspacesListing = {
  perWorkspaceState: boolean;
  workspaces: Array<{ projectId: number; tasks: number; state: string }>;
};

// `dwsync workspaces` for a terminal: one tab-separated line per workspace (id, task count, state file).
export function renderWorkspacesText(listing: WorkspacesListing): string {
  return listing.workspaces.map((w) => `${w.projectId}\t${w.tasks} task(s)\t${w.state}\n`).join('');
}
