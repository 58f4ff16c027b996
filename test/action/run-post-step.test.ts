import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runPostStep } from '../../src/action/run-post-step.js';
import { readArtifactService } from '../../src/action/upload-state-artifact.js';
import { startFakeArtifactService, type FakeArtifactService } from '../support/fake-artifact-service.js';
import { readZip } from '../support/read-zip.js';
import { formatState } from '../../src/core/state/format-state.js';
import { silentLogger } from '../../src/ports.js';
import { parseStateText } from '../support/read-state-file.js';
import { recordActions } from '../support/record-actions.js';
import { aFailedRecord, aState, anAppliedRecord, journalHeader, journalLine } from '../support/state-builders.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTempOrigin, gitIn, writeFiles, type TempOrigin } from '../support/temp-origin.js';

// The post step the runner runs after a cancelled apply: it finishes what the main step did not.

const STATE = '.dwsync/state.json';
const APPLIED = 'b'.repeat(40);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The runner's variables for the artifact client, which reads them from the process environment.
async function artifactService(): Promise<{ service: FakeArtifactService; env: Record<string, string> }> {
  const service = await startFakeArtifactService();
  cleanups.push(() => service.close());
  const env = { ACTIONS_RESULTS_URL: `${service.url}/`, ACTIONS_RUNTIME_TOKEN: service.runtimeToken, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/dataworks-jobs', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return { service, env };
}

async function refusePushes(repo: TempOrigin): Promise<void> {
  const hook = path.join(repo.origin, 'hooks', 'pre-receive');
  await writeFile(hook, '#!/bin/sh\nexit 1\n');
  await chmod(hook, 0o755);
}

async function setup(finished = false) {
  const repo = await createTempOrigin({ 'jobs/.keep': '' });
  cleanups.push(() => repo.cleanup());
  const { dir: temp, remove } = await makeTempDir('dwsync-post-');
  cleanups.push(remove);
  const statePath = path.join(repo.clone, STATE);
  const note = JSON.stringify({ root: repo.clone, statePath, branch: 'main', sha: APPLIED, directory: '.', finished });
  const io = recordActions();
  const deps = { io, logger: silentLogger, clock: { now: () => Date.parse('2026-12-01T10:00:00Z'), sleep: async () => undefined }, runnerTemp: temp, artifacts: null };
  return { repo, temp, statePath, env: { 'STATE_dwsync-apply': note }, io, deps };
}

const tip = async (repo: TempOrigin) => (await gitIn(repo.origin).revparse(['main'])).trim();

describe('runPostStep', () => {
  it('does nothing without a note from the main step, or when the main step finished', async () => {
    const s = await setup(true);
    const before = await tip(s.repo);
    await writeFiles(s.repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord() }, 1)) });
    await runPostStep(s.env, s.deps);
    await runPostStep({}, s.deps);
    await runPostStep({ 'STATE_dwsync-apply': 'garbage' }, s.deps);
    expect([s.io.lines, s.io.summary, s.io.failed, await tip(s.repo)]).toEqual([[], '', null, before]);
  });

  it('says there is nothing to commit when the apply wrote no state', async () => {
    const s = await setup();
    const before = await tip(s.repo);
    await runPostStep(s.env, s.deps);
    expect(s.io.lines).toEqual(['info: dwsync post: the apply ended before writing any state; nothing to commit']);
    expect([s.io.summary, s.io.failed, await tip(s.repo)]).toEqual(['', null, before]);
  });

  it('folds the journal the apply left into the state, then commits and pushes it', async () => {
    const s = await setup();
    await writeFiles(s.repo.clone, {
      [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 1)),
      [`${STATE}.journal`]: journalHeader(undefined, 1) + journalLine('10000/2', aFailedRecord('jobs/b.yaml')),
    });
    await runPostStep(s.env, s.deps);
    expect(s.io.failed).toBeNull();
    expect(s.io.lines.slice(0, 2)).toEqual([
      'info: dwsync post: the apply did not finish (cancelled?); folding its journal and committing the state',
      `info: folded 1 journal records into ${s.statePath}`,
    ]);
    const pushed = parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`]));
    expect(Object.keys(pushed.tasks).sort()).toEqual(['10000/1', '10000/2']);
    expect(pushed.tasks['10000/2']?.lastAttempt?.outcome).toBe('failed');
    expect(s.io.summary).toBe(`### dwsync apply: post step\n\nState committed as \`${await tip(s.repo)}\` and pushed to main.\n`);
  });

  it('refuses a journal without its state file, pushing nothing', async () => {
    const s = await setup();
    const before = await tip(s.repo);
    await writeFiles(s.repo.clone, { [`${STATE}.journal`]: journalHeader(undefined, 0) + journalLine('10000/3', anAppliedRecord('jobs/c.yaml')) });
    await expect(runPostStep(s.env, s.deps)).rejects.toThrow(
      `journal ${s.statePath}.journal exists but its state file ${s.statePath} does not; put back the state file (e.g. from git), or move the journal aside to start a new state`,
    );
    expect(await tip(s.repo)).toBe(before);
  });

  it('uploads the state it cannot push as an artifact of the run, and says where it is and how to get it', async () => {
    const s = await setup();
    const { service, env } = await artifactService();
    await writeFiles(s.repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord() }, 1)) });
    await refusePushes(s.repo);
    const before = await tip(s.repo);
    await runPostStep(s.env, { ...s.deps, artifacts: readArtifactService(env) });

    expect(service.artifacts.map((a) => [a.id, a.name, a.mimeType])).toEqual([[1001, 'dwsync-state-attempt-2', 'application/zip']]);
    // The state file at its place in the repository, byte for byte as the push attempts left it.
    const files = readZip(service.artifacts[0]!.content);
    expect(Object.keys(files)).toEqual([STATE]);
    expect(files[STATE]!.toString('utf8')).toBe(await readFile(s.statePath, 'utf8'));
    expect(Object.keys(parseStateText(files[STATE]!.toString('utf8')).tasks)).toEqual(['10000/1']);

    const url = 'https://github.com/acme/dataworks-jobs/actions/runs/4242/artifacts/1001';
    const command = 'gh run download 4242 --repo acme/dataworks-jobs --name dwsync-state-attempt-2';
    expect(s.io.failed).toMatch(
      new RegExp(
        `^the state file could not be pushed to main; it is uploaded as the artifact dwsync-state-attempt-2 of this run: at the repository root, \`${command}\` writes \\.dwsync/state\\.json \\(or download it from ${url.replace(/[.]/g, '\\.')}\\); commit that file \\(push: .+\\)$`,
      ),
    );
    expect(s.io.summary).toBe(
      `### dwsync apply: post step\n\n❌ **State not pushed to main.** It is uploaded as the artifact [<code>dwsync-state-attempt-2</code>](${url}) of this run. At the repository root, <code>${command}</code> writes <code>.dwsync/state.json</code>; commit that file.\n`,
    );
    expect(s.io.outputs).toEqual({ 'state-artifact': path.join(s.temp, 'dwsync', 'state.json'), 'state-artifact-name': 'dwsync-state-attempt-2', 'state-artifact-url': url });
    expect(await tip(s.repo)).toBe(before);
  });

  it('keeps the state on the runner and says why when the upload is refused', async () => {
    const s = await setup();
    const { service, env } = await artifactService();
    service.refuseCreate({ status: 403, code: 'permission_denied', msg: 'artifact storage is disabled for this repository' });
    await writeFiles(s.repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord() }, 1)) });
    await refusePushes(s.repo);
    await runPostStep(s.env, { ...s.deps, artifacts: readArtifactService(env) });
    const copy = path.join(s.temp, 'dwsync', 'state.json');
    expect(s.io.failed).toMatch(
      new RegExp(
        `^the state file could not be pushed to main; it is kept at ${copy.replace(/[.]/g, '\\.')} on the runner, not uploaded as an artifact \\(the upload failed: Failed to CreateArtifact: Received non-retryable error: Failed request: \\(403\\) Forbidden: artifact storage is disabled for this repository\\): upload it with an actions/upload-artifact step \\(output state-artifact\\) and commit it by hand \\(push: .+\\)$`,
      ),
    );
    expect(s.io.outputs).toEqual({ 'state-artifact': copy });
    expect(service.artifacts).toEqual([]);
  });

  it('keeps the state for an upload-artifact step and fails when origin refuses the push outside a runner', async () => {
    const s = await setup();
    await writeFiles(s.repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord() }, 1)) });
    await refusePushes(s.repo);
    const before = await tip(s.repo);
    await runPostStep(s.env, s.deps);
    const artifact = path.join(s.temp, 'dwsync', 'state.json');
    expect(
      s.io.failed?.startsWith(
        `the state file could not be pushed to main; it is kept at ${artifact} on the runner, not uploaded as an artifact (no artifact service: ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set): upload it with an actions/upload-artifact step (output state-artifact) and commit it by hand (push: `,
      ),
    ).toBe(true);
    expect(s.io.summary).toBe(
      `### dwsync apply: post step\n\n❌ **State not pushed to main.** Kept at <code>${artifact}</code> on the runner, not uploaded as an artifact (no artifact service: ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set): upload it with an actions/upload-artifact step (output \`state-artifact\`) and commit it by hand.\n`,
    );
    expect(await tip(s.repo)).toBe(before);
  });
});
