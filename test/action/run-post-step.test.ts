import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPostStep } from '../../src/action/run-post-step.js';
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
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(finished = false) {
  const repo = await createTempOrigin({ 'jobs/.keep': '' });
  cleanups.push(() => repo.cleanup());
  const { dir: temp, remove } = await makeTempDir('dwsync-post-');
  cleanups.push(remove);
  const statePath = path.join(repo.clone, STATE);
  const note = JSON.stringify({ root: repo.clone, statePath, branch: 'main', sha: APPLIED, directory: '.', finished });
  const io = recordActions();
  const deps = { io, logger: silentLogger, clock: { now: () => Date.parse('2026-12-01T10:00:00Z'), sleep: async () => undefined }, runnerTemp: temp };
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

  it('keeps the state for an artifact and fails when origin refuses the push', async () => {
    const s = await setup();
    await writeFiles(s.repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord() }, 1)) });
    const hook = path.join(s.repo.origin, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\nexit 1\n');
    await chmod(hook, 0o755);
    const before = await tip(s.repo);
    await runPostStep(s.env, s.deps);
    const artifact = path.join(s.temp, 'dwsync', 'state.json');
    expect(s.io.failed?.startsWith(`the state could not be pushed to main; it is kept at ${artifact}: upload it as an artifact and commit it by hand (`)).toBe(true);
    expect(s.io.summary).toBe(`### dwsync apply: post step\n\n❌ **State not pushed.** Kept at \`${artifact}\` for an upload-artifact step.\n`);
    expect(await tip(s.repo)).toBe(before);
  });
});
