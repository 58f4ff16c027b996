import { access } from 'node:fs/promises';
import type { Clock } from '../ports.js';
import { errorMessage } from '../errors.js';
import { journalPathFor } from '../state/read-state.js';
import { withLockedStore } from '../state/with-locked-store.js';
import { APPLY_POST_TITLE, renderApplyPostMarkdown } from '../views/render-apply-markdown.js';
import { POST_STATE, parsePostState, pushOrKeepState, reportKeptState, type CommitDeps } from './commit-state-back.js';

export type PostDeps = CommitDeps & { clock: Clock };

// The Action's post step (runs.post), which the runner runs even after cancelling the main step.
// If the apply did not get to commit its state, this folds the journal it left (taking over the
// lock its killed process left), then commits and pushes the state, or uploads it as an artifact.
export async function runPostStep(env: Record<string, string | undefined>, deps: PostDeps): Promise<void> {
  const post = parsePostState(env[`STATE_${POST_STATE}`]);
  if (post === null || post.finished) return;
  const { io } = deps;
  if (!(await exists(post.statePath)) && !(await exists(journalPathFor(post.statePath)))) {
    io.info('dwsync post: the apply ended before writing any state; nothing to commit');
    return;
  }
  io.info('dwsync post: the apply did not finish (cancelled?); folding its journal and committing the state');
  await withLockedStore(post.statePath, { command: 'dwsync apply (post step)', now: () => deps.clock.now() }, (warning) => io.warning(warning), async (store) => {
    if (store.loaded.journal.found) io.info(`folded ${store.loaded.journal.records} journal records into ${post.statePath}`);
  });
  const result = await pushOrKeepState(deps, post);
  if (result.kept !== null) {
    const text = await reportKeptState(io, result.kept, post.branch, APPLY_POST_TITLE);
    io.setFailed(`${text} (push: ${errorMessage(result.error)})`);
    return;
  }
  await io.appendSummary(renderApplyPostMarkdown(result, post.branch));
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
