import { simpleGit } from 'simple-git';
import type { Logger } from '../core/logger.js';
import { RemoteError } from '../errors.js';

// After an apply, the state file goes back to the branch as one commit by github-actions[bot].
// If the branch moved meanwhile (someone merged during the apply), the commit is rebased onto
// the new tip and pushed again, a bounded number of times; a conflict or a last refusal fails loudly.

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

export type PushStateOptions = {
  root: string; // inside the git working tree
  files: string[]; // relative to root
  branch: string;
  remote: string;
  message: string;
  maxAttempts: number;
  logger: Logger;
};

export type PushStateResult = { status: 'pushed'; sha: string; attempts: number } | { status: 'nothing-to-commit' };

export async function pushStateCommit(options: PushStateOptions): Promise<PushStateResult> {
  const git = simpleGit({ baseDir: options.root, config: [`user.name=${BOT_NAME}`, `user.email=${BOT_EMAIL}`] });
  await git.add(['--', ...options.files]);
  const staged = await git.diff(['--cached', '--name-only', '--', ...options.files]);
  if (staged.trim() === '') return { status: 'nothing-to-commit' };
  await git.commit(options.message, options.files);
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    try {
      await git.push(options.remote, `HEAD:refs/heads/${options.branch}`);
      return { status: 'pushed', sha: (await git.revparse(['HEAD'])).trim(), attempts: attempt };
    } catch (error) {
      lastError = error;
      options.logger.warn(`push of the state commit to ${options.branch} refused (attempt ${attempt}): ${firstLine(error)}`);
    }
    if (attempt === options.maxAttempts) break;
    await git.fetch(options.remote, options.branch);
    try {
      await git.rebase(['FETCH_HEAD']);
    } catch (error) {
      await git.rebase(['--abort']).catch(() => undefined);
      throw new RemoteError({
        message: `the state commit does not rebase onto ${options.remote}/${options.branch}: ${firstLine(error)}`,
        status: null,
        code: 'GitRebaseConflict',
        retryable: false,
        cause: error,
      });
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
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split('\n', 1)[0] ?? '';
}
