import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ActionsPort, Logger } from '../ports.js';
import { pushStateCommit } from '../git/push-state-commit.js';
import { formatDirectorySlug } from './step-context.js';
import type { StepContext } from './step-context.js';
import { UserInputError } from '../errors.js';
import { renderApplyCommitMessage } from '../views/render-apply-commit-message.js';

export const PUSH_ATTEMPTS = 4;
export const POST_STATE = 'dwsync-apply';

// What the post step needs to finish a run the runner cancelled; saved by the main step.
export type PostState = { root: string; statePath: string; branch: string; sha: string; directory: string; finished: boolean };

export function savePostState(io: ActionsPort, state: PostState): void {
  io.saveState(POST_STATE, JSON.stringify(state));
}

export function parsePostState(text: string | undefined): PostState | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PostState;
  } catch {
    return null;
  }
}

export type CommitDeps = { io: ActionsPort; logger: Logger; runnerTemp: string };

// Commits the state and pushes it (merging per task with whatever the branch holds by then). If it
// cannot, the state is kept under RUNNER_TEMP for an upload-artifact step: DataWorks already changed.
export async function pushOrKeepState(deps: CommitDeps, post: PostState): Promise<{ sha: string | null; artifact: string | null; error: unknown }> {
  try {
    const result = await pushStateCommit({
      root: post.root,
      statePath: post.statePath,
      branch: post.branch,
      remote: 'origin',
      message: renderApplyCommitMessage(post.sha),
      maxAttempts: PUSH_ATTEMPTS,
      logger: deps.logger,
    });
    if (result.status === 'nothing-to-commit') {
      deps.io.info('the state file did not change: nothing to commit');
      return { sha: null, artifact: null, error: null };
    }
    deps.io.info(`state committed as ${result.sha} and pushed to ${post.branch} (attempt ${result.attempts})`);
    return { sha: result.sha, artifact: null, error: null };
  } catch (error) {
    const artifact = path.join(deps.runnerTemp, 'dwsync', `state${formatDirectorySlug(post.directory)}.json`);
    await mkdir(path.dirname(artifact), { recursive: true });
    await copyFile(post.statePath, artifact);
    return { sha: null, artifact, error };
  }
}

export async function commitStateBack(ctx: StepContext, post: Omit<PostState, 'finished'>): Promise<void> {
  const result = await pushOrKeepState({ io: ctx.io, logger: ctx.deps.logger, runnerTemp: ctx.github.runnerTemp }, { ...post, finished: false });
  savePostState(ctx.io, { ...post, finished: true });
  if (result.sha) ctx.io.setOutput('state-commit', result.sha);
  if (result.artifact) {
    ctx.io.setOutput('state-artifact', result.artifact);
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new UserInputError(
      `DataWorks was updated but the state file could not be pushed to ${post.branch}; it is kept at ${result.artifact} (upload it as an artifact and commit it by hand): ${reason}`,
      { cause: result.error },
    );
  }
}
