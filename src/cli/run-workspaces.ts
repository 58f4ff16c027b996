import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { workspaces } from '../commands/workspaces.js';
import { EXIT } from '../exit-code.js';
import { renderWorkspacesJson } from '../views/render-workspaces-json.js';
import { renderWorkspacesText } from '../views/render-workspaces-text.js';
import type { CliIo } from './cli-io.js';

// The workspaces the task files use, each with its task count and state file: the list a CI matrix
// runs one job per entry of (`dwsync workspaces --json | jq -c '[.workspaces[].projectId]'`).
export async function runWorkspaces(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await workspaces(options, deps);
  io.stdout.write(json ? renderWorkspacesJson(report) : renderWorkspacesText(report));
  return EXIT.ok;
}
