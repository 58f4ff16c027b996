import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { simpleGit } from 'simple-git';
import { makeTempDir } from './temp-dir.js';

export type TempRepo = { dir: string; write(file: string, text: string): Promise<void>; commit(message: string): Promise<string>; remove(): Promise<void> };

// A real git repository in a temporary folder, with a committer identity of its own.
export async function createTempRepo(files: Record<string, string> = {}): Promise<TempRepo> {
  const { dir, remove } = await makeTempDir('dwsync-repo-');
  const git = simpleGit({ baseDir: dir });
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.name', 'Test');
  await git.addConfig('user.email', 'test@example.com');
  const repo: TempRepo = {
    dir,
    async write(file, text) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    async commit(message) {
      await git.add('.');
      await git.commit(message);
      return (await git.revparse(['HEAD'])).trim();
    },
    remove,
  };
  for (const [file, text] of Object.entries(files)) await repo.write(file, text);
  return repo;
}
