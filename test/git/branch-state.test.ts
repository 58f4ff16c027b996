import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchBranchState, readStateFileOrNull, sameStateContent } from '../../src/git/branch-state.js';
import { formatState } from '../../src/core/state/format-state.js';
import { UserInputError } from '../../src/errors.js';
import { aFailedRecord, anAppliedRecord, aState } from '../support/state-builders.js';
import { createTempOrigin, gitIn, pushFromElsewhere, type TempOrigin } from '../support/temp-origin.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-branch-');
const origins: TempOrigin[] = [];
afterEach(async () => {
  for (const origin of origins.splice(0)) await origin.cleanup();
});

async function anOrigin(files: Record<string, string>): Promise<TempOrigin> {
  const origin = await createTempOrigin(files);
  origins.push(origin);
  return origin;
}

const STATE = '.dwsync/state.json';
const state = aState({ '10000/1': anAppliedRecord() }, 4);

describe('fetchBranchState', () => {
  it("fetches the branch and reads the state at its tip, not the working tree's", async () => {
    const repo = await anOrigin({ 'jobs/a.yaml': 'x: 1\n' });
    const pushed = aState({ '10000/1': anAppliedRecord(), '10000/2': aFailedRecord() }, 7);
    const tip = await pushFromElsewhere(repo, 'other', { [STATE]: formatState(pushed) });
    const result = await fetchBranchState(gitIn(repo.clone), 'origin', 'main', path.join(repo.clone, STATE));
    expect(result).toEqual({ tip, state: pushed });
    expect(tip).toBe((await gitIn(repo.origin).revparse(['main'])).trim());
  });

  it('gives a null state when the branch has no state file yet', async () => {
    const repo = await anOrigin({ 'jobs/a.yaml': 'x: 1\n' });
    const tip = (await gitIn(repo.origin).revparse(['main'])).trim();
    expect(await fetchBranchState(gitIn(repo.clone), 'origin', 'main', path.join(repo.clone, STATE))).toEqual({ tip, state: null });
  });

  it('finds the state by its path in the repository when run from a subfolder', async () => {
    const repo = await anOrigin({ 'ops/state/s.json': formatState(state) });
    const git = gitIn(path.join(repo.clone, 'ops'));
    expect((await fetchBranchState(git, 'origin', 'main', path.join(repo.clone, 'ops/state/s.json'))).state).toEqual(state);
  });

  it('refuses a damaged state on the branch, naming the branch and the path', async () => {
    const repo = await anOrigin({ [STATE]: '{"formatVersion": 2,' });
    await expect(fetchBranchState(gitIn(repo.clone), 'origin', 'main', path.join(repo.clone, STATE))).rejects.toThrow(UserInputError);
    await expect(fetchBranchState(gitIn(repo.clone), 'origin', 'main', path.join(repo.clone, STATE))).rejects.toThrow(/^state file origin\/main:\.dwsync\/state\.json /);
  });
});

describe('readStateFileOrNull', () => {
  it('reads the state file, or gives null when there is none', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'state.json');
    expect(await readStateFileOrNull(file)).toBeNull();
    await writeFile(file, formatState(state));
    expect(await readStateFileOrNull(file)).toEqual(state);
  });

  it('throws what is not a missing file', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'state.json'));
    await expect(readStateFileOrNull(path.join(dir, 'state.json'))).rejects.toMatchObject({ code: 'EISDIR' });
    await writeFile(path.join(dir, 'bad.json'), 'nope');
    await expect(readStateFileOrNull(path.join(dir, 'bad.json'))).rejects.toThrow(UserInputError);
  });
});

describe('sameStateContent', () => {
  it('ignores the serial alone', () => {
    expect(sameStateContent(state, { ...state, serial: 99 })).toBe(true);
  });

  it('tells apart other tasks, another record, or another identity', () => {
    expect(sameStateContent(state, aState({}, 4))).toBe(false);
    expect(sameStateContent(state, aState({ '10000/1': anAppliedRecord('jobs/ods/u_pk.yaml', 'req-2') }, 4))).toBe(false);
    expect(sameStateContent(state, { ...state, lineage: 'another' })).toBe(false);
  });
});
