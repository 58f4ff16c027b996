import path from 'node:path';
import { apply } from './commands/apply.js';
import { plan } from './commands/plan.js';
import { systemClock } from './system-clock.js';
import { describeError } from './exit-code.js';
import { UserInputError } from './errors.js';
import type { Problem } from './core/problem.js';
import { parseActionInputs } from './github/action-inputs.js';
import { createActionsLogger, createActionsPort } from './github/actions-port.js';
import { readGithubContext } from './github/github-context.js';
import { createOctokitComments } from './github/octokit-comments.js';
import { annotateProblems } from './github/report-problems.js';
import { runApplyStep } from './github/run-apply-step.js';
import { runPlanStep } from './github/run-plan-step.js';
import { toCommandOptions } from './github/to-command-options.js';
import { normalizeDirectory } from './github/sticky-comment.js';

// The Action's entry, the twin of the CLI: inputs → CommandOptions → command → outputs and status.
export async function runAction(env: Record<string, string | undefined>): Promise<void> {
  const io = createActionsPort(env);
  let directory = '.';
  // Masked before anything else runs, even when other inputs turn out invalid.
  const token = env['INPUT_GITHUB-TOKEN']?.trim();
  if (token) io.setSecret(token);
  try {
    const inputs = parseActionInputs(env);
    const github = await readGithubContext(env);
    const root = path.resolve(github.workspace, inputs.workingDirectory);
    directory = normalizeDirectory(path.relative(github.workspace, root) || '.');
    if (directory.startsWith('..')) throw new UserInputError(`working-directory must be inside the workspace, got ${inputs.workingDirectory}`);
    const ctx = {
      inputs,
      github,
      directory,
      options: toCommandOptions(inputs, root),
      deps: {
        clock: systemClock,
        logger: createActionsLogger(io),
        env,
        reportProblems: (problems: readonly Problem[]) => annotateProblems(io, problems, directory),
      },
      io,
      createComments: (issueNumber: number) =>
        createOctokitComments(inputs.githubToken, github.apiUrl, { owner: github.owner, repo: github.repo, issueNumber }),
    };
    if (inputs.command === 'plan') await runPlanStep(ctx, plan);
    else await runApplyStep(ctx, apply);
  } catch (error) {
    if (error instanceof UserInputError) annotateProblems(io, error.problems, directory);
    for (const line of describeError(error).lines) io.info(line);
    io.setFailed(error instanceof Error ? error.message : String(error));
  }
}
