import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAction } from '../src/action.js';
import { useTempDir } from './support/temp-dir.js';

// The Action's entry in-process, judged from what the runner gets: workflow commands on stdout and
// the GITHUB_STATE file. The bundled Action's whole runs are in test/action/.

const tempDir = useTempDir('dwsync-action-entry-');
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;
const saved: Record<string, string | undefined> = Object.fromEntries(RUNNER_FILES.map((name) => [name, process.env[name]]));
const savedExitCode = process.exitCode;
afterEach(() => {
  for (const name of RUNNER_FILES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  process.exitCode = savedExitCode;
});

async function run(env: Record<string, string>): Promise<{ lines: string[]; state: string }> {
  const dir = await tempDir();
  const stateFile = path.join(dir, 'state');
  for (const name of RUNNER_FILES) {
    await writeFile(path.join(dir, name), '');
    process.env[name] = path.join(dir, name);
  }
  process.env.GITHUB_STATE = stateFile;
  await writeFile(stateFile, '');
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await runAction({ GITHUB_REPOSITORY: 'acme/jobs', GITHUB_WORKSPACE: dir, RUNNER_TEMP: path.join(dir, 'tmp'), ...env });
  } finally {
    spy.mockRestore();
  }
  return { lines: out.split('\n').filter(Boolean), state: await readFile(stateFile, 'utf8') };
}

describe('runAction', () => {
  it('masks the token before it even reads the other inputs, and fails on invalid ones', async () => {
    const { lines } = await run({ 'INPUT_GITHUB-TOKEN': ' ghp_secret ', INPUT_COMMAND: 'deploy' });
    expect(lines[0]).toBe('::add-mask::ghp_secret');
    expect(lines.at(-1)).toMatch(/^::error::invalid action inputs:%0A {2}input command: /);
    expect(process.exitCode).toBe(1);
  });

  it('marks the main step for the post step, which then runs instead and has nothing to do', async () => {
    const main = await run({ INPUT_COMMAND: 'apply', GITHUB_EVENT_NAME: 'pull_request' });
    expect(main.state).toMatch(/^isPost<<(\S+)\ntrue\n\1\n$/);
    process.exitCode = undefined;
    const post = await run({ STATE_isPost: 'true' });
    expect([post.lines, post.state, process.exitCode]).toEqual([[], '', undefined]);
  });

  it('refuses a working directory outside the workspace', async () => {
    const { lines } = await run({ 'INPUT_WORKING-DIRECTORY': '../elsewhere' });
    expect(lines.at(-1)).toBe('::error::working-directory must be inside the workspace, got ../elsewhere');
    expect(process.exitCode).toBe(1);
  });

  it('runs the apply step for command apply, which refuses a pull request', async () => {
    const { lines } = await run({ INPUT_COMMAND: 'apply', GITHUB_EVENT_NAME: 'pull_request' });
    expect(lines.at(-1)).toBe(
      '::error::apply refuses to run on pull_request events: a pull request or a merge queue must not change DataWorks. Use command: plan here and apply on push to the default branch.',
    );
  });
});
