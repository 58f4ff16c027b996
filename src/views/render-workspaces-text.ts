import type { WorkspacesReport } from '../core/config/workspaces-report.js';

// `dwsync workspaces` for a terminal: one tab-separated line per workspace (id, task count, state file).
export function renderWorkspacesText(report: WorkspacesReport): string {
  return report.workspaces.map((w) => `${w.projectId}\t${w.tasks} task(s)\t${w.state}\n`).join('');
}
