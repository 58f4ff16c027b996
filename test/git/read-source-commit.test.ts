import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';

import { readHeadCommit } from '../../src/git/read-head-commit.js';
import { readSourceCommit } from '../../src/git/read-source-commit.js';
import { useTempDir } from '../support/temp-dir.js';
import { createTempRepo } from '../support/temp-repo.js';
import type { TempRepo } from '../support/temp-repo.js';

const tempDir = useTempDir('dwsync-nogit-');
const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await repo.remove();
});

async function repoWithTask(): Promise<{ repo: TempRepo; head: string }> {
  const repo = await createTempRepo({ 'jobs/a.yaml': 'a: 1\n', 'README.md': 'hi\n' });
  repos.push(repo);
  return { repo, head: await repo.commit('tasks') };
}

function collect() {
  const warnings: string[] = [];
  return { warnings, logger: { info() {}, debug() {}, warn: (message: string) => void warnings.push(message) } };
}

describe('readSourceCommit', () => {
  it('is HEAD when the task files are committed, whatever else changed', async () => {
    const { repo, head } = await repoWithTask();
    await repo.write('README.md', 'changed\n');
    const { warnings, logger } = collect();
    expect(await readSourceCommit(repo.dir, 'jobs', logger)).toBe(head);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['an edited task file', 'jobs/a.yaml'],
    ['a new, untracked task file', 'jobs/new/b.yaml'],
  ])('marks HEAD -dirty and warns for %s', async (_, file) => {
    const { repo, head } = await repoWithTask();
    await repo.write(file, 'a: 2\n');
    const { warnings, logger } = collect();
    expect(await readSourceCommit(repo.dir, 'jobs', logger)).toBe(`${head}-dirty`);
    expect(warnings).toEqual([
      `1 task file(s) differ from commit ${head.slice(0, 12)} (${file}): the state records ${head.slice(0, 12)}-dirty as the source of this apply; commit them to record a clean commit`,
    ]);
  });

  it('is null, quietly, outside git and before the first commit', async () => {
    const dir = await tempDir();
    const { warnings, logger } = collect();
    expect(await readSourceCommit(dir, 'jobs', logger)).toBeNull();
    await simpleGit({ baseDir: dir }).init();
    expect(await readSourceCommit(dir, 'jobs', logger)).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('says so when git cannot be run, instead of recording nothing in silence', async () => {
    const { repo } = await repoWithTask();
    const broken = simpleGit({ baseDir: repo.dir, binary: 'git-not-installed' });
    await expect(readHeadCommit(repo.dir, broken)).rejects.toThrow(/ENOENT/);
    const { warnings, logger } = collect();
    expect(await readSourceCommit(repo.dir, 'jobs', logger, broken)).toBeNull();
    expect(warnings).toEqual([`cannot read the git commit of ${repo.dir} (spawn git-not-installed ENOENT); the state records no commit for this apply`]);
  });
});
