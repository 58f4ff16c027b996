import { simpleGit } from 'simple-git';

// The commit the task files were applied from; null outside a git repository or before the first commit.
export async function readHeadCommit(root: string): Promise<string | null> {
  try {
    const git = simpleGit({ baseDir: root });
    if (!(await git.checkIsRepo())) return null;
    return (await git.revparse(['HEAD'])).trim() || null;
  } catch {
    return null;
  }
}
