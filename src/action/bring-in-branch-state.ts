import { simpleGit } from 'simple-git';
import { mergeStates } from '../core/state/merge-states.js';
import { writeState } from '../state/write-state.js';
import { fetchBranchState, readStateFileOrNull, sameStateContent } from '../git/branch-state.js';

export type BroughtIn = { tip: string; status: 'merged' | 'up-to-date' | 'no-state-on-branch' };

// Before an apply plans, the newest state of the branch it applies to comes in: a run that starts
// from a checkout older than an earlier run's state commit must not re-send what that run recorded.
export async function bringInBranchState(root: string, statePath: string, remote: string, branch: string): Promise<BroughtIn> {
  const git = simpleGit({ baseDir: root });
  const fetched = await fetchBranchState(git, remote, branch, statePath);
  if (fetched.state === null) return { tip: fetched.tip, status: 'no-state-on-branch' };
  const local = await readStateFileOrNull(statePath);
  const merged = local === null ? fetched.state : mergeStates(local, fetched.state, `the checked-out state and the one on ${remote}/${branch}`);
  if (local !== null && sameStateContent(merged, local)) return { tip: fetched.tip, status: 'up-to-date' };
  await writeState(statePath, merged);
  return { tip: fetched.tip, status: 'merged' };
}
