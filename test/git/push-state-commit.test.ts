import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/ports.js';
import { RemoteError } from '../../src/errors.js';
import { BOT_EMAIL, BOT_NAME, pushStateCommit } from '../../src/git/push-state-commit.js';
import { formatState } from '../../src/core/state/format-state.js';
import type { State, TaskRecord } from '../../src/core/state/state-schema.js';
import { aFailedRecord, aState, anAppliedRecord } from '../support/state-builders.js';
import { createTempOrigin, gitIn, pushFromElsewhere } from '../support/temp-origin.js';
import type { TempOrigin } from '../support/temp-origin.js';
import { parseStateText } from '../support/read-state-file.js';

const STATE = '.dwsync/state.json';
let repo: TempOrigin | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

function optionsFor(clone: string) {
  return { root: clone, statePath: path.join(clone, STATE), branch: 'main', remote: 'origin', message: 'dwsync: state [skip ci]', maxAttempts: 3, logger: silentLogger };
}

async function originLog(origin: string) {
  return (await gitIn(origin).log(['main'])).all;
}

// Read back with JSON.parse, not with the code under test.
async function originState(origin: string): Promise<{ serial: number; tasks: Record<string, TaskRecord> }> {
  return parseStateText(await gitIn(origin).show([`main:${STATE}`])) as { serial: number; tasks: Record<string, TaskRecord> };
}

function text(state: State): string {
  return formatState(state);
}

const A = anAppliedRecord('jobs/a.yaml', 'req-a');
const B = anAppliedRecord('jobs/b.yaml', 'req-b');

describe('pushStateCommit', () => {
  it('commits the state as github-actions[bot] and pushes only it', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({}, 1)), 'jobs/a.yaml': 'a: 1\n' });
    await writeFile(path.join(repo.clone, STATE), text(aState({ '10000/1': A }, 2)));
    await writeFile(path.join(repo.clone, 'jobs/a.yaml'), 'a: 2\n'); // not ours to commit
    const result = await pushStateCommit(optionsFor(repo.clone));
    expect(result).toMatchObject({ status: 'pushed', attempts: 1 });
    const [head] = await originLog(repo.origin);
    expect(head).toMatchObject({ message: 'dwsync: state [skip ci]', author_name: BOT_NAME, author_email: BOT_EMAIL });
    expect(result.status === 'pushed' && result.sha).toBe(head?.hash);
    const files = await gitIn(repo.origin).raw(['show', '--name-only', '--format=', 'main']);
    expect(files.trim()).toBe(STATE);
    expect(Object.keys((await originState(repo.origin)).tasks)).toEqual(['10000/1']);
  });

  it('does nothing when the state did not change', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({ '10000/1': A }, 1)) });
    expect(await pushStateCommit(optionsFor(repo.clone))).toEqual({ status: 'nothing-to-commit' });
    expect(await originLog(repo.origin)).toHaveLength(1);
  });

  it('commits on top of a branch that moved meanwhile, keeping its files', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({}, 1)), 'jobs/a.yaml': 'a: 1\n' });
    const theirs = await pushFromElsewhere(repo, 'colleague', { 'jobs/b.yaml': 'b: 1\n' });
    await writeFile(path.join(repo.clone, STATE), text(aState({ '10000/1': A }, 2)));
    const result = await pushStateCommit(optionsFor(repo.clone));
    expect(result).toMatchObject({ status: 'pushed', attempts: 1 });
    const log = await originLog(repo.origin);
    expect(log.map((c) => c.message)).toEqual(['dwsync: state [skip ci]', 'change from colleague', 'initial']);
    expect(log[1]?.hash).toBe(theirs);
    expect(await gitIn(repo.origin).show(['main:jobs/b.yaml'])).toBe('b: 1\n');
  });

  it('merges per task with a state another run pushed meanwhile: both outcomes, serial above both', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({}, 1)) });
    const failedLater = { ...aFailedRecord('jobs/c.yaml'), lastAttempt: { ...aFailedRecord().lastAttempt!, at: '2026-11-29T11:00:00.000Z' } };
    await pushFromElsewhere(repo, 'other-apply', { [STATE]: text(aState({ '10000/2': B, '10000/3': failedLater }, 5)) });
    await writeFile(path.join(repo.clone, STATE), text(aState({ '10000/1': A, '10000/3': anAppliedRecord('jobs/c.yaml') }, 2)));
    const result = await pushStateCommit(optionsFor(repo.clone));
    expect(result).toMatchObject({ status: 'pushed' });
    const state = await originState(repo.origin);
    expect(Object.keys(state.tasks)).toEqual(['10000/1', '10000/2', '10000/3']);
    expect(state.tasks['10000/3']?.lastAttempt?.outcome).toBe('failed');
    expect(state.serial).toBe(6);
    expect(parseStateText(await readFile(path.join(repo.clone, STATE), 'utf8')).serial).toBe(6);
  });

  it('refuses to merge a state of another lineage, pushing nothing', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({}, 1)) });
    await pushFromElsewhere(repo, 'other', { [STATE]: text({ ...aState({}, 5), lineage: 'another' }) });
    await writeFile(path.join(repo.clone, STATE), text(aState({ '10000/1': A }, 2)));
    await expect(pushStateCommit(optionsFor(repo.clone))).rejects.toThrow(/different state files/);
    expect((await originLog(repo.origin)).map((c) => c.message)).toEqual(['change from other', 'initial']);
  });

  it('gives up after the bounded number of attempts', async () => {
    repo = await createTempOrigin({ [STATE]: text(aState({}, 1)) });
    await writeFile(path.join(repo.clone, STATE), text(aState({ '10000/1': A }, 2)));
    // A hook on origin that refuses every update stands in for a branch that keeps moving.
    await writeFile(path.join(repo.origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho "protected" >&2\nexit 1\n', { mode: 0o755 });
    const error = await pushStateCommit(optionsFor(repo.clone)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe('GitPushRejected');
    expect((error as Error).message).toContain('after 3 attempts');
  });
});
