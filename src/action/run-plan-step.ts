import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { readConfig } from '../tasks/read-config.js';
import { digestPlan } from '../core/plan/plan-digest.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import { toPlanReport } from '../core/plan/plan-tasks.js';
import { buildPlanView } from '../views/plan-view.js';
import { errorMessage, UserInputError } from '../errors.js';
import { describeError } from '../exit-code.js';
import { readHeadCommit } from '../git/read-head-commit.js';
import { renderOutdatedNote, renderPlanComment, renderPlanFailureComment, renderPlanFailureSummary, renderPlanSummary } from '../views/render-plan-markdown.js';
import { renderPlanStepLine } from '../views/render-plan-text.js';
import { formatStatusLine, shortSha } from '../views/render-step-status.js';
import type { StepStatus } from '../views/render-step-status.js';
import { annotateProblems } from './report-problems.js';
import { formatCommentMarker, upsertStickyComment } from '../github/sticky-comment.js';
import { writeStepJson } from './step-file.js';
import { formatTitle } from './step-context.js';
import type { StepContext } from './step-context.js';

export type PlanCommand = (options: CommandOptions, deps: CommandDeps) => Promise<PlannedTask[]>;

// plan on a pull request: job summary, plan JSON, outputs, and the one sticky comment, which names
// the commit it planned and is never overwritten by a run for a commit that is no longer the head.
// Any failure replaces the comment with a failed status and the reason, so a stale "all is well"
// cannot stand. Needs no cloud credentials, so it works for pull requests from forks.
export async function runPlanStep(ctx: StepContext, planCommand: PlanCommand): Promise<void> {
  const title = formatTitle('plan', ctx.directory);
  const status: StepStatus = { commit: ctx.github.pullHeadSha ?? ctx.github.sha, runUrl: ctx.github.runUrl };
  let planned: PlannedTask[];
  try {
    await guardPullRequestTarget(ctx);
    planned = await planCommand(ctx.options, ctx.deps);
  } catch (error) {
    await reportPlanFailure(ctx, title, status, error);
    return;
  }
  const report = toPlanReport(planned);
  const view = buildPlanView(planned);
  const digest = digestPlan(report);
  const planFile = await writeStepJson(ctx, 'plan', report);
  const { create, update, orphaned } = report.summary;
  const deletes = report.summary.delete ?? 0;
  ctx.io.info(renderPlanStepLine(report.summary, digest));
  ctx.io.setOutput('changes', create + update + deletes);
  ctx.io.setOutput('has-changes', view.hasChanges ? 'true' : 'false');
  ctx.io.setOutput('orphaned', orphaned);
  ctx.io.setOutput('plan-json', planFile);
  ctx.io.setOutput('plan-digest', digest);

  const statusLine = formatStatusLine('✅', 'Plan ready', { ...status, digest });
  const written = await publishComment(ctx, () => renderPlanComment(view, { title, status: statusLine, runUrl: ctx.github.runUrl }));
  await ctx.io.appendSummary(renderPlanSummary(view, { title, status: statusLine, outdated: written.outdated }));
}

async function reportPlanFailure(ctx: StepContext, title: string, status: StepStatus, error: unknown): Promise<void> {
  const problems = error instanceof UserInputError ? error.problems : [];
  annotateProblems(ctx.io, problems, ctx.directory);
  const { lines } = describeError(error);
  const message = errorMessage(error);
  for (const line of lines) ctx.io.info(line);
  const failure = { message, problems };
  const written = await publishComment(ctx, () => renderPlanFailureComment(title, status, failure));
  await ctx.io.appendSummary(renderPlanFailureSummary(title, status, failure, written.outdated));
  ctx.io.setFailed(message);
}

// pull_request_target runs the base branch's workflow with secrets: it plans whatever is checked
// out, and must not let a fork's dwsync.yaml send signed requests to a server of the fork's choosing.
async function guardPullRequestTarget(ctx: StepContext): Promise<void> {
  if (ctx.github.eventName !== 'pull_request_target') return;
  const head = ctx.github.pullHeadSha;
  const checkedOut = await readHeadCommit(ctx.options.root);
  if (head !== null && checkedOut !== head) {
    ctx.io.warning(
      `pull_request_target: the checked-out commit ${checkedOut ? shortSha(checkedOut) : '(none)'} is not the pull request's head ${shortSha(head)}: this plans the base branch, not the pull request. Check out the head (actions/checkout with ref: \${{ github.event.pull_request.head.sha }}) to plan its changes.`,
    );
  }
  if (ctx.inputs.refresh && ctx.github.fromFork) {
    const { config } = await readConfig(ctx.options.root);
    if (config.endpoint !== null) {
      throw new UserInputError(
        `refresh refused: this pull request comes from a fork and its dwsync.yaml names its own endpoint (${config.endpoint}); signed requests must not go where a fork says. Set the endpoint in the workflow (the endpoint input or DWSYNC_ENDPOINT) or drop refresh.`,
      );
    }
  }
}

type Published = { outdated: string | null };

// Writes the comment unless the commit planned is no longer the pull request's head: an older,
// slower run must not replace the plan of a newer commit.
async function publishComment(ctx: StepContext, render: () => string): Promise<Published> {
  const number = ctx.github.pullRequestNumber;
  if (!ctx.inputs.comment || number === null) return { outdated: null };
  if (ctx.api === null) {
    ctx.io.warning('no github-token given: the plan is in the job summary only');
    return { outdated: null };
  }
  try {
    const planned = ctx.github.pullHeadSha;
    const head = await ctx.api.readPullHead(number);
    if (planned !== null && head !== planned) {
      const note = renderOutdatedNote(planned, head, number);
      ctx.io.warning(note.text);
      return { outdated: note.markdown };
    }
    const identity = await ctx.api.readIdentity();
    const result = await upsertStickyComment(ctx.api.comments(number), formatCommentMarker(ctx.directory), render(), identity);
    ctx.io.info(`plan comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
    if (result.url) ctx.io.setOutput('comment-url', result.url);
  } catch (error) {
    // A pull request from a fork gets a read-only token; the plan still stands in the summary.
    ctx.io.warning(`could not write the plan comment: ${errorMessage(error)}`);
  }
  return { outdated: null };
}
