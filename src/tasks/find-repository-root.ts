import { stat } from 'node:fs/promises';
import path from 'node:path';

import { CONFIG_FILE } from './read-config.js';

export type RepositoryRoot = { root: string; foundBy: 'dwsync.yaml' | 'git' | 'start' };

// The root as git finds its own: walk up from `start` to the nearest folder holding dwsync.yaml, and
// stop at the git top level (a folder holding .git) without crossing it. Outside any git repository and
// without a dwsync.yaml above, the start folder is the root.
export async function findRepositoryRoot(start: string): Promise<RepositoryRoot> {
  let dir = path.resolve(start);
  for (;;) {
    if (await exists(path.join(dir, CONFIG_FILE), 'file')) return { root: dir, foundBy: 'dwsync.yaml' };
    if (await exists(path.join(dir, '.git'), 'any')) return { root: dir, foundBy: 'git' };
    const parent = path.dirname(dir);
    if (parent === dir) return { root: path.resolve(start), foundBy: 'start' };
    dir = parent;
  }
}

async function exists(file: string, kind: 'file' | 'any'): Promise<boolean> {
  try {
    const info = await stat(file);
    return kind === 'any' || info.isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error; // a folder we may not read: say so rather than pick another root
  }
}
