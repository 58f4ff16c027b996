import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { getIDToken } from '@actions/core';
import { applyWithSettings } from './commands/apply.js';
import { preparePlan } from './commands/plan.js';
import { systemClock } from './system-clock.js';
import { describeError } from './exit-code.js';
import { errorMessage, UserInputError } from './errors.js';
import type { CommandDeps, CommandOptions } from './commands/command-options.js';
import type { CreateDataWorksOptions } from './dataworks/create-sdk-caller.js';
import { parseActionInputs } from './action/action-inputs.js';
import { createActionsLogger, createActionsPort } from './action/actions-port.js';
import type { ActionsPort } from './ports.js';
import { readGithubContext } from './action/github-context.js';
import { createOctokitGithub } from './github/octokit-github.js';
import { annotateProblems } from './action/report-problems.js';
import { runApplyStep } from './action/run-apply-step.js';
import { runPlanStep } from './action/run-plan-step.js';
import { runPostStep } from './action/run-post-step.js';
import { toCommandOptions } from './action/to-command-options.js';
import { normalizeDirectory } from './github/sticky-comment.js';
import { createActionCredential, readOidcRole } from './action/create-action-credential.js';
import { createDataWorks } from './dataworks/create-data-works.js';
import { readArtifactService } from './action/upload-state-artifact.js';

const POST_FLAG = 'isPost';

// The Action's entry, the twin of the CLI: inputs → CommandOptions → command → outputs and status.
// `signal` aborts like the CLI's first SIGINT: no new calls, the calls in flight finish and are recorded.
export async function runAction(env: Record<string, string | undefined>, signal?: AbortSignal): Promise<void> {
  const io = createActionsPort(env);
  if (env[`STATE_${POST_FLAG}`] === 'true') return runPost(env, io);
  io.saveState(POST_FLAG, 'true');
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
    const role = readOidcRole(env);
    const credential =
      role && createActionCredential(role, inputs.roleSessionDuration, { clock: systemClock, fetchIdToken: getIDToken, info: (m) => io.info(m), warn: (m) => io.warning(m) });
    const ctx = {
      inputs,
      github,
      directory,
      options: toCommandOptions(inputs, root),
      deps: {
        clock: systemClock,
        logger: createActionsLogger(io),
        env,
        ...(signal ? { signal } : {}),
        ...(credential ? { createDataWorks: (options: CreateDataWorksOptions) => createDataWorks({ ...options, credential }) } : {}),
      },
      io,
      // The toolkit's artifact client reads the runner's variables from process.env, as env is here.
      artifacts: readArtifactService(env),
      api: inputs.githubToken === '' ? null : createOctokitGithub(inputs.githubToken, github.apiUrl, { owner: github.owner, repo: github.repo }, inputs.commentAuthor),
    };
    // Warnings of plan --refresh (resource groups DataWorks does not list) are annotations on their lines.
    const planned = async (options: CommandOptions, deps: CommandDeps) => {
      const prepared = await preparePlan(options, deps);
      annotateProblems(io, prepared.warnings, directory);
      return prepared.planned;
    };
    if (inputs.command === 'plan') await runPlanStep(ctx, planned);
    else await runApplyStep(ctx, applyWithSettings);
  } catch (error) {
    if (error instanceof UserInputError) annotateProblems(io, error.problems, directory);
    for (const line of describeError(error).lines) io.info(line);
    io.setFailed(errorMessage(error));
  }
}

async function runPost(env: Record<string, string | undefined>, io: ActionsPort): Promise<void> {
  try {
    await runPostStep(env, { io, logger: createActionsLogger(io), clock: systemClock, runnerTemp: env.RUNNER_TEMP ?? '', artifacts: readArtifactService(env) });
  } catch (error) {
    for (const line of describeError(error).lines) io.info(line);
    io.setFailed(errorMessage(error));
  }
}

// The process the runner starts. On cancel the runner sends SIGINT, then SIGTERM 7.5 s later, then
// kills: the first signal stops new calls; later ones are noted, and the calls in flight still finish.
export async function runActionProcess(env: Record<string, string | undefined>): Promise<void> {
  const controller = new AbortController();
  // Each call waiting in the rate limiter or a retry backoff listens for it: many at once are expected.
  setMaxListeners(0, controller.signal);
  let signals = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      process.stdout.write(`${name}: the run is being cancelled: finishing the calls in flight, starting no new ones\n`);
      controller.abort(new Error(name));
    } else {
      process.stdout.write(`${name}: still finishing the calls in flight; every finished call is already recorded\n`);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runAction(env, controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
