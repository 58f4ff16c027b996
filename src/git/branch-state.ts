import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { formatState } from '../core/state/format-state.js';
import { parseState } from '../core/state/parse-state.js';
import type { State } from '../core/state/state-schema.js';

// The state file as the tip of a remote branch holds it, read through the state's own parser so it
// is compared and merged as a state (per task), never as text.

export type BranchState = { tip: string; state: State | null };

export async function fetchBranchState(git: SimpleGit, remote: string, branch: string, statePath: string): Promise<BranchState> {
  await git.fetch(remote, branch);
  const tip = (await git.revparse(['FETCH_HEAD'])).trim();
  const top = (await git.revparse(['--show-toplevel'])).trim();
  const inRepo = path.relative(top, statePath).split(path.sep).join('/');
  let text: string;
  try {
    text = await git.show([`${tip}:${inRepo}`]);
  } catch {
    return { tip, state: null }; // the branch has no state file yet
  }
  return { tip, state: parseState(text, `${remote}/${branch}:${inRepo}`) };
}

// The state file in the working tree, or null when there is none.
export async function readStateFileOrNull(statePath: string): Promise<State | null> {
  let text: string;
  try {
    text = await readFile(statePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseState(text, statePath);
}

// Same tasks and identity; the serial alone does not make two states differ.
export function sameStateContent(a: State, b: State): boolean {
  return formatState({ ...a, serial: 0 }) === formatState({ ...b, serial: 0 });
}
