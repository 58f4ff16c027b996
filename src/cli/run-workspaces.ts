import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { workspaces } from '../commands/workspaces.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';

// The workspaces the task files use, each with its task count and state file: the list a CI matrix
// runs one job per entry of (`dwsync workspaces --json | jq -c '[.workspaces[].projectId]'`).
export async function runWorkspaces(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const report = await workspaces(options, deps);
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return EXIT.ok;
  }
  for (const w of report.workspaces) io.stdout.write(`${w.projectId}\t${w.tasks} task(s)\t${w.state}\n`);
  return EXIT.ok;
}
