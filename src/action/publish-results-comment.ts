import { formatCommentMarker, upsertStickyComment } from '../github/sticky-comment.js';
import type { StepContext } from './step-context.js';
import { errorMessage } from '../errors.js';

// After an apply on merge: the pull request whose merge is the applied commit (GitHub's "list pull
// requests associated with a commit") gets one results comment, updated in place by later runs.
export async function publishResultsComment(ctx: StepContext, content: string): Promise<void> {
  if (!ctx.inputs.comment || ctx.api === null || ctx.github.sha === '') return;
  try {
    const pulls = await ctx.api.listPullsOfCommit(ctx.github.sha);
    const pull = pulls.find((p) => p.mergeCommitSha === ctx.github.sha) ?? pulls[0];
    if (pull === undefined) {
      ctx.io.info(`no pull request is associated with ${ctx.github.sha.slice(0, 12)}: the results are in the job summary only`);
      return;
    }
    const identity = await ctx.api.readIdentity();
    const result = await upsertStickyComment(ctx.api.comments(pull.number), formatCommentMarker(ctx.directory, 'apply'), content, identity);
    ctx.io.info(`results comment ${result.action} on #${pull.number}${result.url ? `: ${result.url}` : ''}`);
    if (result.url) ctx.io.setOutput('results-comment-url', result.url);
  } catch (error) {
    ctx.io.warning(`could not write the results comment: ${errorMessage(error)}`);
  }
}
