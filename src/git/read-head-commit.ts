import type { SimpleGit } from 'simple-git';
import { simpleGit } from 'simple-git';

// The commit HEAD points at; null outside a git repository or before the first commit. Anything else
// that goes wrong (no git installed, a damaged repository) is thrown for the caller to report.
export async function readHeadCommit(root: string, git: SimpleGit = simpleGit({ baseDir: root })): Promise<string | null> {
  if (!(await git.checkIsRepo())) return null;
  // --verify --quiet prints nothing (and fails silently) when HEAD has no commit yet.
  return (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || null;
}
