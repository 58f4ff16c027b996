// What `dwsync workspaces` reports: every workspace the task files use (and, with a state template,
// every one with a state file), with its task count and its state file.
export type WorkspacesReport = {
  formatVersion: 1;
  perWorkspaceState: boolean;
  workspaces: Array<{ projectId: number; tasks: number; state: string }>;
};
