import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { loadValidTasks } from '../commands/load-tasks.js';
import { resolveSettings } from '../commands/resolve-settings.js';
import { forWorkspace, isFannedOut, listWorkspaces } from '../commands/workspaces.js';
import { EXIT } from '../exit-code.js';
import { renderWorkspacesJson } from '../views/render-workspaces-json.js';
import { renderWorkspacesText } from '../views/render-workspaces-text.js';
import type { CliIo } from './cli-io.js';

// The workspaces the task files use, each with its task count and state file: the list a CI matrix
// runs one job per entry of (`dwsync workspaces --json | jq -c '[.workspaces[].projectId]'`).
export async function runWorkspaces(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const settings = await resolveSettings(options, deps.env);
  const tasks = await loadValidTasks(settings, 'no workspace was listed', deps.logger);
  const workspaces = (await listWorkspaces(settings, tasks)).map((projectId) => ({
    projectId,
    tasks: tasks.filter((task) => task.projectId === projectId).length,
    state: isFannedOut(settings) ? forWorkspace(settings, projectId).statePath : settings.statePath,
  }));
  const listing = { perWorkspaceState: isFannedOut(settings), workspaces };
  io.stdout.write(json ? renderWorkspacesJson(listing) : renderWorkspacesText(listing));
  return EXIT.ok;
}
