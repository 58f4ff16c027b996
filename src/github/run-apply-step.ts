import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { resolveSettings } from '../commands/resolve-settings.js';
import type { ApplyReport } from '../core/report.js';
import { UserInputError } from '../errors.js';
import { SUMMARY_LIMIT, fitMarkdown } from './fit-markdown.js';
import { pushStateCommit } from './push-state-commit.js';
import { describeApplyCounts, renderApplyMarkdown } from './render-apply-markdown.js';
import { annotateProblems, renderProblemsMarkdown } from './report-problems.js';
import { prepareStepFile, writeStepJson } from './step-file.js';
import { formatTitle } from './step-context.js';
import type { StepContext } from './step-context.js';

export type ApplyCommand = (options: CommandOptions, deps: CommandDeps) => Promise<ApplyReport>;

const REFUSED_EVENTS = ['pull_request', 'pull_request_target'];
export const PUSH_ATTEMPTS = 4;

// apply on a push to the default branch: apply, summarise every outcome, commit the state back.
export async function runApplyStep(ctx: StepContext, applyCommand: ApplyCommand): Promise<void> {
  if (REFUSED_EVENTS.includes(ctx.github.eventName)) {
    throw new UserInputError(
      `apply refuses to run on ${ctx.github.eventName} events: a pull request must not change DataWorks. Use command: plan here and apply on push to the default branch.`,
    );
  }
  const { branch, defaultBranch } = ctx.github;
  if (branch !== null && defaultBranch !== null && branch !== defaultBranch) {
    ctx.io.warning(`apply is running on ${branch}, not on the default branch ${defaultBranch}`);
  }
  const title = formatTitle('apply', ctx.directory);
  let report: ApplyReport;
  try {
    report = await applyCommand(ctx.options, ctx.deps);
  } catch (error) {
    if (!(error instanceof UserInputError) || error.problems.length === 0) throw error;
    annotateProblems(ctx.io, error.problems, ctx.directory);
    await ctx.io.appendSummary(renderProblemsMarkdown(title, error.message, error.problems));
    ctx.io.setFailed(error.message);
    return;
  }
  const reportFile = await writeStepJson(ctx, 'apply', report);
  const counts = describeApplyCounts(report);
  ctx.io.info(`dwsync apply: ${counts}`);
  ctx.io.setOutput('applied', report.summary.applied);
  ctx.io.setOutput('failed', report.summary.failed);
  ctx.io.setOutput('skipped', report.summary.skipped);
  ctx.io.setOutput('apply-summary', counts);
  ctx.io.setOutput('apply-json', reportFile);
  await ctx.io.appendSummary(
    fitMarkdown(renderApplyMarkdown(report, title), SUMMARY_LIMIT, (n) => `\n\n${n} more rows are not shown (the job summary is limited to 1 MiB); every outcome is in the apply JSON.\n`),
  );
  // The state records failures too, so it goes back even when some tasks failed.
  if (ctx.inputs.commitState) await commitState(ctx);
  if (report.summary.failed > 0 || report.summary.skipped > 0) {
    ctx.io.setFailed(`dwsync apply: ${counts}`);
  }
}

async function commitState(ctx: StepContext): Promise<void> {
  const settings = await resolveSettings(ctx.options, ctx.deps.env);
  const branch = ctx.github.branch;
  if (branch === null) {
    ctx.io.warning('the run is not on a branch (GITHUB_REF is not refs/heads/…): the state file was not committed');
    return;
  }
  const sha = ctx.github.sha;
  try {
    const result = await pushStateCommit({
      root: settings.root,
      files: [path.relative(settings.root, settings.statePath)],
      branch,
      remote: 'origin',
      message: `dwsync: record the state after applying ${sha.slice(0, 12)} [skip ci]\n\nApplied commit: ${sha}\n`,
      maxAttempts: PUSH_ATTEMPTS,
      logger: ctx.deps.logger,
    });
    if (result.status === 'nothing-to-commit') {
      ctx.io.info('the state file did not change: nothing to commit');
      return;
    }
    ctx.io.info(`state committed as ${result.sha} and pushed to ${branch} (attempt ${result.attempts})`);
    ctx.io.setOutput('state-commit', result.sha);
  } catch (error) {
    // Keep the state where an upload-artifact step can pick it up: DataWorks already changed.
    const artifact = await prepareStepFile(ctx, 'state');
    await copyFile(settings.statePath, artifact);
    ctx.io.setOutput('state-artifact', artifact);
    throw new UserInputError(
      `DataWorks was updated but the state file could not be pushed to ${branch}; it is kept at ${artifact} (upload it as an artifact and commit it by hand): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
