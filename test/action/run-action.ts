import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

// Runs the bundled Action as the runner does: `node <bundle>` with the runner's environment,
// every input declared in action.yml present (defaults filled in), an event payload file, and
// the summary and output files, which the test then reads back.

const repoRoot = path.resolve(import.meta.dirname, '../..');

export type Runner = { bundle: string; home: string; cleanup(): Promise<void> };

// Bundles the current sources with the same script that writes dist/index.js.
export async function prepareRunner(): Promise<Runner> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'dwsync-runner-'));
  const bundle = path.join(home, 'dist', 'index.js');
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-action.js'), bundle], { timeout: 60_000 });
  return { bundle, home, cleanup: () => rm(home, { recursive: true, force: true }) };
}

export type RunOptions = {
  workspace: string;
  event: 'pull_request' | 'push' | 'pull_request_target';
  sha: string;
  inputs: Record<string, string>;
  token: string;
  apiUrl: string;
  env?: Record<string, string>;
};

export type ActionRun = { code: number | null; stdout: string; stderr: string; summary: string; outputs: Record<string, string>; runnerTemp: string };

export async function runBundledAction(runner: Runner, options: RunOptions): Promise<ActionRun> {
  const runDir = await mkdtemp(path.join(runner.home, 'run-'));
  const runnerTemp = path.join(runDir, 'temp');
  await mkdir(runnerTemp);
  const eventPath = path.join(runDir, 'event.json');
  const payload = JSON.parse(await readFile(path.join(repoRoot, 'test/fixtures/github', `${options.event === 'push' ? 'push' : 'pull_request'}.json`), 'utf8'));
  payload.after = options.sha;
  if (payload.pull_request) payload.pull_request.head.sha = options.sha;
  await writeFile(eventPath, JSON.stringify(payload));
  const summaryFile = path.join(runDir, 'step_summary');
  const outputFile = path.join(runDir, 'output');
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
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
    GITHUB_REF: options.event === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    ...(await readDefaultInputs(options.token)),
    ...Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.env,
  };
  const child = spawn(process.execPath, [runner.bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, stdout, stderr, summary: await readFile(summaryFile, 'utf8'), outputs: parseOutputs(await readFile(outputFile, 'utf8')), runnerTemp };
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

// GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks.
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
