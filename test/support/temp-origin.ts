import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { makeTempDir } from './temp-dir.js';

// A bare "origin" and a clone of it in a temp folder, as actions/checkout leaves a push run.

export type TempOrigin = { dir: string; origin: string; clone: string; cleanup(): Promise<void> };

const identity = ['user.name=Test Author', 'user.email=author@example.com', 'init.defaultBranch=main', 'commit.gpgsign=false'];

export function gitIn(dir: string) {
  return simpleGit({ baseDir: dir, config: identity });
}

export async function createTempOrigin(files: Record<string, string>): Promise<TempOrigin> {
  const { dir, remove } = await makeTempDir('dwsync-git-');
  const origin = path.join(dir, 'origin.git');
  const seed = path.join(dir, 'seed');
  const clone = path.join(dir, 'clone');
  await mkdir(origin);
  await gitIn(origin).init(true, ['--initial-branch=main']);
  await mkdir(seed);
  await gitIn(seed).init(['--initial-branch=main']);
  await writeFiles(seed, files);
  await gitIn(seed).add('.').commit('initial').addRemote('origin', origin).push('origin', 'main');
  await gitIn(dir).clone(origin, clone, ['--branch', 'main']);
  return { dir, origin, clone, cleanup: remove };
}

export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

// Someone else pushes to origin/main, from a clone of their own.
export async function pushFromElsewhere(repo: TempOrigin, name: string, files: Record<string, string>): Promise<string> {
  const other = path.join(repo.dir, name);
  await gitIn(repo.dir).clone(repo.origin, other, ['--branch', 'main']);
  await writeFiles(other, files);
  await gitIn(other).add('.').commit(`change from ${name}`).push('origin', 'main');
  return (await gitIn(other).revparse(['HEAD'])).trim();
}
