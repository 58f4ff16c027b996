import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import type { PlanReport } from '../core/report.js';
import { UserInputError } from '../errors.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT, fitMarkdown } from './fit-markdown.js';
import { renderPlanMarkdown } from './render-plan-markdown.js';
import { annotateProblems, renderProblemsMarkdown } from './report-problems.js';
import { formatCommentMarker, upsertStickyComment } from './sticky-comment.js';
import { writeStepJson } from './step-file.js';
import { formatTitle } from './step-context.js';
import type { StepContext } from './step-context.js';

export type PlanCommand = (options: CommandOptions, deps: CommandDeps) => Promise<PlanReport>;

// plan on a pull request: job summary, plan JSON, outputs, and the one sticky comment.
// Needs no cloud credentials, so it works for pull requests from forks.
export async function runPlanStep(ctx: StepContext, planCommand: PlanCommand): Promise<void> {
  const title = formatTitle('plan', ctx.directory);
  let report: PlanReport;
  try {
    report = await planCommand(ctx.options, ctx.deps);
  } catch (error) {
    if (!(error instanceof UserInputError) || error.problems.length === 0) throw error;
    annotateProblems(ctx.io, error.problems, ctx.directory);
    const markdown = renderProblemsMarkdown(title, error.message, error.problems);
    await ctx.io.appendSummary(fitMarkdown({ head: markdown, sections: [], tail: '' }, SUMMARY_LIMIT, () => ''));
    await publishComment(ctx, fitMarkdown({ head: markdown, sections: [], tail: '' }, COMMENT_LIMIT - 200, () => ''));
    ctx.io.setFailed(error.message);
    return;
  }
  const planFile = await writeStepJson(ctx, 'plan', report);
  const { create, update, unchanged, orphaned } = report.summary;
  const deletes = report.summary.delete ?? 0;
  const lifecycle = `${create > 0 ? `${create} to create, ` : ''}${deletes > 0 ? `${deletes} to delete, ` : ''}`;
  ctx.io.info(`dwsync plan: ${lifecycle}${update} to update, ${unchanged} unchanged, ${orphaned} orphaned`);
  ctx.io.setOutput('changes', create + update + deletes);
  ctx.io.setOutput('has-changes', create + update + deletes > 0 ? 'true' : 'false');
  ctx.io.setOutput('orphaned', orphaned);
  ctx.io.setOutput('plan-json', planFile);

  const parts = renderPlanMarkdown(report, { title, maxDiffLines: 400, maxOrphans: 500 });
  await ctx.io.appendSummary(
    fitMarkdown(parts, SUMMARY_LIMIT, (n) => `\n> [!NOTE]\n> ${n} more sections are not shown here (the job summary is limited to 1 MiB); the full plan is in the plan JSON.\n\n`),
  );
  const commentParts = renderPlanMarkdown(report, { title, maxDiffLines: 60, maxOrphans: 50 });
  const pointer = ctx.github.runUrl ? `the [job summary](${ctx.github.runUrl})` : 'the job summary';
  // Room is left for the marker line GitHub counts as part of the body.
  const content = fitMarkdown(
    commentParts,
    COMMENT_LIMIT - 200,
    (n) => `\n> [!NOTE]\n> ${n} more sections are not shown: a comment is limited to 65,536 characters. See ${pointer} for the full plan.\n\n`,
  );
  await publishComment(ctx, content);
}

async function publishComment(ctx: StepContext, content: string): Promise<void> {
  const number = ctx.github.pullRequestNumber;
  if (!ctx.inputs.comment || number === null) return;
  if (ctx.inputs.githubToken === '') {
    ctx.io.warning('no github-token given: the plan is in the job summary only');
    return;
  }
  try {
    const result = await upsertStickyComment(ctx.createComments(number), formatCommentMarker(ctx.directory), content);
    ctx.io.info(`plan comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
    if (result.url) ctx.io.setOutput('comment-url', result.url);
  } catch (error) {
    // A pull request from a fork gets a read-only token; the plan still stands in the summary.
    ctx.io.warning(`could not write the plan comment: ${error instanceof Error ? error.message : String(error)}`);
  }
}
