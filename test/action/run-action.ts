import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { makeTempDir } from '../support/temp-dir.js';

// Runs the bundled Action as the runner does: `node <bundle>` with the runner's environment,
// every input declared in action.yml present (defaults filled in), an event payload file, and
// the summary, output and state files, which the test then reads back. The post step is the same
// bundle started again with the main step's saved state as STATE_* variables.

const repoRoot = path.resolve(import.meta.dirname, '../..');

export type Runner = { bundle: string; home: string; cleanup(): Promise<void> };

// Bundles the current sources with the same script that writes dist/index.js.
export async function prepareRunner(): Promise<Runner> {
  const { dir: home, remove } = await makeTempDir('dwsync-runner-');
  const bundle = path.join(home, 'dist', 'index.js');
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-action.js'), bundle], { timeout: 60_000 });
  return { bundle, home, cleanup: remove };
}

export type EventName = 'pull_request' | 'push' | 'pull_request_target' | 'merge_group' | 'workflow_dispatch';

export type RunOptions = {
  workspace: string;
  event: EventName;
  sha: string; // GITHUB_SHA; for pull requests also the head SHA in the payload unless headSha is given
  headSha?: string;
  ref?: string; // GITHUB_REF; default refs/heads/main for push, the merge ref for pull requests
  inputs: Record<string, string>;
  token: string;
  apiUrl: string;
  env?: Record<string, string>;
  sameRepo?: boolean; // a pull request from a branch of the repository itself, not a fork
};

export type ActionRun = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  saved: Record<string, string>; // what the step saved for its post step
  runnerTemp: string;
  env: Record<string, string>;
};

export type StartedAction = { child: ChildProcess; done: Promise<ActionRun> };

export function runBundledAction(runner: Runner, options: RunOptions): Promise<ActionRun> {
  return startBundledAction(runner, options).then((started) => started.done);
}

export async function startBundledAction(runner: Runner, options: RunOptions): Promise<StartedAction> {
  const runDir = await mkdtemp(path.join(runner.home, 'run-')); // inside the runner's folder, removed with it
  const runnerTemp = path.join(runDir, 'temp');
  await mkdir(runnerTemp);
  const eventPath = path.join(runDir, 'event.json');
  const isPull = options.event === 'pull_request' || options.event === 'pull_request_target';
  const payload = JSON.parse(await readFile(path.join(repoRoot, 'test/fixtures/github', `${isPull ? 'pull_request' : 'push'}.json`), 'utf8'));
  payload.after = options.sha;
  if (payload.pull_request) {
    payload.pull_request.head.sha = options.headSha ?? options.sha;
    if (options.sameRepo) payload.pull_request.head.repo = { full_name: 'acme/dataworks-jobs', fork: false };
  }
  await writeFile(eventPath, JSON.stringify(payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runner.home,
    GIT_CONFIG_NOSYSTEM: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/dataworks-jobs',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref ?? (isPull ? 'refs/pull/7/merge' : 'refs/heads/main'),
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    ...(await readDefaultInputs(options.token)),
    ...Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.env,
  };
  return startStep(runner, runDir, env, options.workspace);
}

// The runner starts the post step after the main one ends, however it ended, with what it saved.
export async function runPostStep(runner: Runner, main: ActionRun): Promise<ActionRun> {
  const runDir = await mkdtemp(path.join(runner.home, 'post-')); // inside the runner's folder, removed with it
  const saved = Object.fromEntries(Object.entries(main.saved).map(([k, v]) => [`STATE_${k}`, v]));
  return (await startStep(runner, runDir, { ...main.env, ...saved }, main.env.GITHUB_WORKSPACE!)).done;
}

async function startStep(runner: Runner, runDir: string, base: Record<string, string>, cwd: string): Promise<StartedAction> {
  const files = { summary: path.join(runDir, 'step_summary'), output: path.join(runDir, 'output'), state: path.join(runDir, 'state') };
  for (const file of Object.values(files)) await writeFile(file, '');
  const env: Record<string, string> = { ...base, GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, GITHUB_STATE: files.state };
  const child = spawn(process.execPath, [runner.bundle], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  }).then(async ({ code, signal }) => ({
    code,
    signal,
    stdout,
    stderr,
    summary: await readFile(files.summary, 'utf8'),
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    saved: parseOutputs(await readFile(files.state, 'utf8')),
    runnerTemp: env.RUNNER_TEMP!,
    env: base,
  }));
  return { child, done };
}

// The runner sets INPUT_<NAME> for every input, its default when the workflow gives none.
async function readDefaultInputs(token: string): Promise<Record<string, string>> {
  const action = parse(await readFile(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      `INPUT_${name.toUpperCase()}`,
      (input.default ?? '').replace('${{ github.token }}', token),
    ]),
  );
}

// GITHUB_OUTPUT and GITHUB_STATE hold `name<<DELIMITER\nvalue\nDELIMITER` blocks; a later one wins.
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return outputs;
}

// The token may reach the runner only inside the ::add-mask:: command that hides it.
export function findTokenLeaks(run: ActionRun, token: string): string[] {
  const places = [
    ...run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).map((line) => `stdout: ${line}`),
    ...run.stderr.split('\n').map((line) => `stderr: ${line}`),
    `summary: ${run.summary}`,
    ...Object.entries(run.outputs).map(([k, v]) => `output ${k}: ${v}`),
  ];
  return places.filter((text) => text.includes(token));
}
