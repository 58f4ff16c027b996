import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ActionsPort, Logger } from '../ports.js';
import { pushStateCommit } from '../git/push-state-commit.js';
import { formatDirectorySlug } from './step-context.js';
import type { StepContext } from './step-context.js';
import { errorMessage, UserInputError } from '../errors.js';
import { renderApplyCommitMessage } from '../views/render-apply-commit-message.js';
import { renderKeptStateMarkdown, renderKeptStateText, type KeptState } from '../views/render-kept-state.js';
import { uploadStateArtifact, type ArtifactService } from './upload-state-artifact.js';

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

export type CommitDeps = {
  io: ActionsPort;
  logger: Logger;
  runnerTemp: string;
  artifacts: ArtifactService | null; // null: no artifact service (not on a runner)
};

export type PushOrKeep = { sha: string | null; kept: KeptState | null; error: unknown };

// Commits the state and pushes it (merging per task with whatever the branch holds by then). If it
// cannot, DataWorks already changed: the state is copied under RUNNER_TEMP and uploaded as an artifact
// of the run, so it outlives the runner.
export async function pushOrKeepState(deps: CommitDeps, post: PostState): Promise<PushOrKeep> {
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
      return { sha: null, kept: null, error: null };
    }
    deps.io.info(`state committed as ${result.sha} and pushed to ${post.branch} (attempt ${result.attempts})`);
    return { sha: result.sha, kept: null, error: null };
  } catch (error) {
    return { sha: null, kept: await keepState(deps, post), error };
  }
}

async function keepState(deps: CommitDeps, post: PostState): Promise<KeptState> {
  const copy = path.join(deps.runnerTemp, 'dwsync', `state${formatDirectorySlug(post.directory)}.json`);
  await mkdir(path.dirname(copy), { recursive: true });
  await copyFile(post.statePath, copy);
  if (deps.artifacts === null) return { path: copy, artifact: null, notUploaded: 'no artifact service: ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set' };
  try {
    return { path: copy, artifact: await uploadStateArtifact(deps.artifacts, post), notUploaded: null };
  } catch (error) {
    return { path: copy, artifact: null, notUploaded: `the upload failed: ${errorMessage(error).replace(/\s+/g, ' ').trim()}` };
  }
}

// Where the state went, in the job summary and the log, and as outputs.
export async function reportKeptState(io: ActionsPort, kept: KeptState, branch: string, summaryTitle: string): Promise<string> {
  io.setOutput('state-artifact', kept.path);
  if (kept.artifact !== null) {
    io.setOutput('state-artifact-name', kept.artifact.name);
    if (kept.artifact.url) io.setOutput('state-artifact-url', kept.artifact.url);
  }
  await io.appendSummary(`${summaryTitle}${renderKeptStateMarkdown(kept, branch)}`);
  return renderKeptStateText(kept, branch);
}

export async function commitStateBack(ctx: StepContext, post: Omit<PostState, 'finished'>): Promise<void> {
  const deps = { io: ctx.io, logger: ctx.deps.logger, runnerTemp: ctx.github.runnerTemp, artifacts: ctx.artifacts ?? null };
  const result = await pushOrKeepState(deps, { ...post, finished: false });
  savePostState(ctx.io, { ...post, finished: true });
  if (result.sha) ctx.io.setOutput('state-commit', result.sha);
  if (result.kept) {
    const text = await reportKeptState(ctx.io, result.kept, post.branch, '### dwsync apply: the state file\n\n');
    throw new UserInputError(`DataWorks was updated but ${text} (push: ${errorMessage(result.error)})`, { cause: result.error });
  }
}

