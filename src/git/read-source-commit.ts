import type { SimpleGit } from 'simple-git';
import { simpleGit } from 'simple-git';

import type { Logger } from '../ports.js';
import { readHeadCommit } from './read-head-commit.js';
import { errorMessage } from '../errors.js';

// The commit an apply records as the source of what it pushed: HEAD, or HEAD marked "-dirty" (as
// `git describe --dirty` does) when task files below `jobs` differ from it, with a warning naming
// them. When git cannot be read the apply goes on, says why, and records no commit.
export async function readSourceCommit(root: string, jobs: string, logger: Logger, git: SimpleGit = simpleGit({ baseDir: root })): Promise<string | null> {
  let head: string | null;
  let dirty: string[];
  try {
    head = await readHeadCommit(root, git);
    if (head === null) return null;
    dirty = await listUncommitted(git, jobs);
  } catch (error) {
    logger.warn(`cannot read the git commit of ${root} (${firstLine(error)}); the state records no commit for this apply`);
    return null;
  }
  if (dirty.length === 0) return head;
  const shown = dirty.slice(0, 3).join(', ') + (dirty.length > 3 ? ` and ${dirty.length - 3} more` : '');
  logger.warn(
    `${dirty.length} task file(s) differ from commit ${head.slice(0, 12)} (${shown}): the state records ${head.slice(0, 12)}-dirty as the source of this apply; commit them to record a clean commit`,
  );
  return `${head}-dirty`;
}

// Changed, staged, deleted or untracked files below `jobs`, as git prints them (root-relative).
async function listUncommitted(git: SimpleGit, jobs: string): Promise<string[]> {
  const status = await git.raw(['status', '--porcelain=v1', '--untracked-files=all', '--', jobs]);
  return status
    .split('\n')
    .filter((line) => line.length > 3)
    .map((line) => line.slice(3));
}

function firstLine(error: unknown): string {
  return errorMessage(error).split('\n')[0]!.replace(/^Error: /, '').trim();
}
