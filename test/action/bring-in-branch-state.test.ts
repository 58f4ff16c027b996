import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bringInBranchState } from '../../src/action/bring-in-branch-state.js';
import { formatState } from '../../src/core/state/format-state.js';
import { createState } from '../../src/core/state/state-schema.js';
import { parseStateText } from '../support/read-state-file.js';
import { aFailedRecord, aState, anAppliedRecord } from '../support/state-builders.js';
import { createTempOrigin, gitIn, pushFromElsewhere, writeFiles, type TempOrigin } from '../support/temp-origin.js';

// Before an apply plans, the newest state of its branch on origin comes into the checkout.

const STATE = '.dwsync/state.json';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function origin(files: Record<string, string> = { 'jobs/.keep': '' }): Promise<{ repo: TempOrigin; statePath: string }> {
  const repo = await createTempOrigin(files);
  cleanups.push(() => repo.cleanup());
  return { repo, statePath: path.join(repo.clone, STATE) };
}

const readTasks = async (file: string) => Object.keys(parseStateText(await readFile(file, 'utf8')).tasks).sort();

describe('bringInBranchState', () => {
  it('says when the branch has no state, and writes none', async () => {
    const { repo, statePath } = await origin();
    const result = await bringInBranchState(repo.clone, statePath, 'origin', 'main');
    expect(result).toEqual({ tip: (await gitIn(repo.origin).revparse(['main'])).trim(), status: 'no-state-on-branch' });
    await expect(readFile(statePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('brings in a state pushed to the branch after the checkout, the tip being the newest commit', async () => {
    const { repo, statePath } = await origin();
    const pushed = await pushFromElsewhere(repo, 'other', { [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 3)) });
    const result = await bringInBranchState(repo.clone, statePath, 'origin', 'main');
    expect(result).toEqual({ tip: pushed, status: 'merged' });
    expect(await readTasks(statePath)).toEqual(['10000/1']);
  });

  it('merges per task with the checked-out state, keeping the records of both', async () => {
    const { repo, statePath } = await origin({ [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 1)) });
    await pushFromElsewhere(repo, 'other', {
      [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml'), '10000/2': aFailedRecord('jobs/b.yaml') }, 2)),
    });
    await writeFiles(repo.clone, { [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml'), '10000/3': anAppliedRecord('jobs/c.yaml', 'req-3') }, 2)) });
    expect((await bringInBranchState(repo.clone, statePath, 'origin', 'main')).status).toBe('merged');
    expect(await readTasks(statePath)).toEqual(['10000/1', '10000/2', '10000/3']);
  });

  it('leaves the file untouched when it already has what the branch has', async () => {
    const text = formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 1));
    const { repo, statePath } = await origin({ [STATE]: text });
    expect((await bringInBranchState(repo.clone, statePath, 'origin', 'main')).status).toBe('up-to-date');
    expect(await readFile(statePath, 'utf8')).toBe(text);
  });

  it('refuses to merge a state of another lineage, writing nothing', async () => {
    const { repo, statePath } = await origin({ [STATE]: formatState(aState({ '10000/1': anAppliedRecord('jobs/a.yaml') }, 1)) });
    const stranger = { ...createState({ lineage: '11111111-2222-4333-8444-555555555555', salt: 'cd'.repeat(32) }), serial: 1, tasks: {} };
    const local = formatState(stranger);
    await writeFiles(repo.clone, { [STATE]: local });
    await expect(bringInBranchState(repo.clone, statePath, 'origin', 'main')).rejects.toThrow(
      'cannot merge the checked-out state and the one on origin/main: they belong to different state files (lineage 11111111-2222-4333-8444-555555555555 and 6f1c2a0e-8a51-4d1b-9a43-3f0d2c1b7e55)',
    );
    expect(await readFile(statePath, 'utf8')).toBe(local);
  });
});
