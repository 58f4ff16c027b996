import { simpleGit } from 'simple-git';
import type { Logger } from '../ports.js';
import { errorMessage, RemoteError } from '../errors.js';
import { mergeStates } from '../core/state/merge-states.js';
import { writeState } from '../state/write-state.js';
import { fetchBranchState, readStateFileOrNull, sameStateContent } from './branch-state.js';

// After an apply, the state file goes back to the branch as one commit by github-actions[bot].
// Each attempt fetches the branch tip, merges the tip's state with ours per task (each task keeps
// its newest attempt), commits the merged state on top of the tip and pushes. Another run pushing
// at the same moment only costs an attempt: nothing is rebased as text, so nothing conflicts.

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

export type PushStateOptions = {
  root: string; // inside the git working tree
  statePath: string; // absolute
  branch: string;
  remote: string;
  message: string;
  maxAttempts: number;
  logger: Logger;
};

export type PushStateResult = { status: 'pushed'; sha: string; attempts: number } | { status: 'nothing-to-commit' };

export async function pushStateCommit(options: PushStateOptions): Promise<PushStateResult> {
  const git = simpleGit({ baseDir: options.root, config: [`user.name=${BOT_NAME}`, `user.email=${BOT_EMAIL}`] });
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    const ours = await readStateFileOrNull(options.statePath);
    if (ours === null) return { status: 'nothing-to-commit' };
    const remote = await fetchBranchState(git, options.remote, options.branch, options.statePath);
    const merged = remote.state === null ? ours : mergeStates(ours, remote.state, `the state of this run and the one on ${options.remote}/${options.branch}`);
    if (remote.state !== null && sameStateContent(merged, remote.state)) return { status: 'nothing-to-commit' };
    // The index and HEAD move to the tip, the working tree stays: the commit holds the tip's files
    // plus our state, whatever else this checkout holds.
    await git.reset(['--mixed', '-q', remote.tip]);
    await writeState(options.statePath, merged);
    await git.add(['--', options.statePath]);
    await git.commit(options.message, [options.statePath]);
    try {
      await git.push(options.remote, `HEAD:refs/heads/${options.branch}`);
      return { status: 'pushed', sha: (await git.revparse(['HEAD'])).trim(), attempts: attempt };
    } catch (error) {
      lastError = error;
      options.logger.warn(`push of the state commit to ${options.branch} refused (attempt ${attempt}): ${firstLine(error)}`);
    }
  }
  throw new RemoteError({
    message: `could not push the state commit to ${options.remote}/${options.branch} after ${options.maxAttempts} attempts: ${firstLine(lastError)}`,
    status: null,
    code: 'GitPushRejected',
    retryable: false,
    cause: lastError,
  });
}

function firstLine(error: unknown): string {
  const text = errorMessage(error);
  return text.trim().split('\n', 1)[0] ?? '';
}
