import { createHash } from 'node:crypto';

import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import type { ActionsPort, GithubApi } from '../ports.js';
import type { ActionInputs } from './action-inputs.js';
import type { GithubContext } from './github-context.js';
import type { ArtifactService } from './upload-state-artifact.js';

// Everything a plan or apply step needs, built once by the entry point.
export type StepContext = {
  inputs: ActionInputs;
  github: GithubContext;
  directory: string; // the working directory relative to the workspace, "." for the root
  options: CommandOptions;
  deps: CommandDeps;
  io: ActionsPort;
  api: GithubApi | null; // null without a token: the step still runs, without comments
  artifacts?: ArtifactService | null; // where a state that cannot be pushed goes
};

export function formatTitle(command: string, directory: string): string {
  return directory === '.' ? `dwsync ${command}` : `dwsync ${command} for \`${directory}\``;
}

// A file name part that tells several dwsync steps in one job apart. A directory whose name has to be
// changed to fit a file name also gets a short hash of itself, so "a/b", "a b" and "a_b" stay apart.
export function formatDirectorySlug(directory: string): string {
  if (directory === '.') return '';
  const slug = directory.replace(/[^A-Za-z0-9._-]+/g, '_');
  return slug === directory ? `-${slug}` : `-${slug}-${createHash('sha256').update(directory).digest('hex').slice(0, 8)}`;
}
