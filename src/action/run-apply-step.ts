import type { CommandDeps } from '../commands/command-options.js';
import { resolveSettings } from '../commands/resolve-settings.js';
import type { Settings } from '../core/config/settings.js';
import { forWorkspace, isFannedOut } from '../commands/workspaces.js';
import type { ApplyReport } from '../core/plan/report.js';
import { errorMessage, UserInputError } from '../errors.js';
import { describeError } from '../exit-code.js';
import { bringInBranchState } from './bring-in-branch-state.js';
import { renderApplyComment, renderApplyFailureComment, renderApplyFailureSummary, renderApplySummary } from '../views/render-apply-markdown.js';
import { describeApplyCounts, renderApplyStepText } from '../views/render-apply-text.js';
import type { StepStatus } from '../views/render-step-status.js';
import { annotateProblems } from './report-problems.js';
import { commitStateBack, savePostState } from './commit-state-back.js';
import { publishResultsComment } from './publish-results-comment.js';
import { writeStepJson } from './step-file.js';
import { formatTitle } from './step-context.js';
import type { StepContext } from './step-context.js';
import { logProgress } from './log-progress.js';

export type ApplyCommand = (settings: Settings, deps: CommandDeps) => Promise<ApplyReport>;

const REFUSED_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'];

// apply on a push to the default branch: bring in the branch's newest state, apply, summarise every
// outcome, commit the state back, and tell the merged pull request what happened. A cancelled run
// (the runner's SIGINT) finishes its calls in flight and leaves the commit to the post step.
export async function runApplyStep(ctx: StepContext, applyCommand: ApplyCommand): Promise<void> {
  const branch = guardApply(ctx);
  const title = formatTitle('apply', ctx.directory);
  const status: StepStatus = { commit: ctx.github.sha, runUrl: ctx.github.runUrl };
  const resolved = await resolveSettings(ctx.options, ctx.deps.env);
  // One state file is committed back: with a state per workspace, the job's workspace's.
  const settings = resolved.workspace !== null && isFannedOut(resolved) ? forWorkspace(resolved, resolved.workspace) : resolved;
  if (isFannedOut(settings)) {
    throw new UserInputError(`the state path ${settings.statePath} holds {projectId}: give the Action a workspace input (one job per workspace)`);
  }
  const post = { root: settings.root, statePath: settings.statePath, branch, sha: ctx.github.sha, directory: ctx.directory };
  if (ctx.inputs.commitState) {
    const brought = await bringInBranchState(settings.root, settings.statePath, 'origin', branch);
    ctx.io.info(`state of origin/${branch} (${brought.tip.slice(0, 12)}): ${brought.status}`);
    // From here on, whatever happens to this process, the post step commits what was recorded.
    savePostState(ctx.io, { ...post, finished: false });
  }
  let report: ApplyReport;
  try {
    report = await applyCommand(resolved, { ...ctx.deps, progress: ctx.deps.progress ?? logProgress((line) => ctx.io.info(line), ctx.deps.clock) });
  } catch (error) {
    const problems = error instanceof UserInputError ? error.problems : [];
    annotateProblems(ctx.io, problems, ctx.directory);
    for (const line of describeError(error).lines) ctx.io.info(line);
    const message = errorMessage(error);
    await ctx.io.appendSummary(renderApplyFailureSummary(title, status, { message, problems }));
    await publishResultsComment(ctx, renderApplyFailureComment(title, status, { message, problems }));
    // Whatever was recorded before the failure still goes back.
    if (ctx.inputs.commitState && !ctx.deps.signal?.aborted) await commitStateBack(ctx, post);
    ctx.io.setFailed(message);
    return;
  }
  const cancelled = ctx.deps.signal?.aborted === true;
  const reportFile = await writeStepJson(ctx, 'apply', report);
  const counts = describeApplyCounts(report);
  const text = renderApplyStepText(report);
  ctx.io.info(text.line);
  ctx.io.setOutput('applied', report.summary.applied);
  ctx.io.setOutput('failed', report.summary.failed);
  ctx.io.setOutput('skipped', report.summary.skipped);
  ctx.io.setOutput('apply-summary', counts);
  ctx.io.setOutput('apply-json', reportFile);
  await ctx.io.appendSummary(renderApplySummary(report, title));
  await publishResultsComment(ctx, renderApplyComment(report, title, status, cancelled));
  if (cancelled) {
    ctx.io.setFailed(text.cancelled);
    return;
  }
  // The state records failures too, so it goes back even when some tasks failed.
  if (ctx.inputs.commitState) await commitStateBack(ctx, post);
  if (report.summary.failed > 0 || report.summary.skipped > 0) ctx.io.setFailed(text.line);
}

// Apply changes DataWorks: only from the branch that holds the truth, never for a pull request or a
// merge queue's trial merge.
function guardApply(ctx: StepContext): string {
  const { eventName, branch, defaultBranch } = ctx.github;
  if (REFUSED_EVENTS.includes(eventName)) {
    throw new UserInputError(
      `apply refuses to run on ${eventName} events: a pull request or a merge queue must not change DataWorks. Use command: plan here and apply on push to the default branch.`,
    );
  }
  const allowed = ctx.inputs.applyBranch ?? defaultBranch;
  if (allowed === null) throw new UserInputError('apply cannot tell the default branch from the event; name it with the apply-branch input');
  if (branch !== allowed) {
    throw new UserInputError(
      `apply refuses to run on ${branch === null ? `${ctx.github.eventName} outside a branch` : `branch ${branch}`}: it applies only ${allowed}${ctx.inputs.applyBranch ? ' (the apply-branch input)' : ' (the default branch)'}`,
    );
  }
  return branch;
}
