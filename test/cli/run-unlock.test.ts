import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSession } from './cli-session.js';

// `dwsync unlock` in-process: the lock of the state path given goes, the words on stderr, stdout
// kept for --json; a run the lock held back then goes through.

const session = useCliSession();
const holder = { pid: 4242, host: 'ci-7', startedAt: '2026-01-02T03:04:05.678Z', command: 'dwsync apply', token: 'x' };

async function lockAt(root: string, state: string): Promise<string> {
  const lock = path.join(root, `${state}.lock`);
  await mkdir(path.dirname(lock), { recursive: true });
  await writeFile(lock, JSON.stringify(holder));
  return lock;
}

describe('dwsync unlock (CLI)', () => {
  it('removes the lock of the state path given, says so on stderr only, and the blocked apply then runs', async () => {
    const s = await session();
    const lock = await lockAt(s.repo.dir, 'state/custom.json');
    const blocked = await s.dwsync(['apply', '--qps', '0', '--state', 'state/custom.json']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('pid 4242 on host ci-7');
    const run = await s.dwsync(['unlock', '--state', 'state/custom.json'], { endpoint: false });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', 'removed the lock held by dwsync apply (pid 4242 on host ci-7, since 2026-01-02T03:04:05Z)\n']);
    await expect(access(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await s.dwsync(['apply', '--qps', '0', '--state', 'state/custom.json'])).code).toBe(0);
  });

  it('leaves another state path’s lock alone, and says no lock was held', async () => {
    const s = await session();
    const other = await lockAt(s.repo.dir, '.dwsync/other.json');
    const run = await s.dwsync(['unlock', '--json'], { endpoint: false });
    expect([run.code, JSON.parse(run.stdout), run.stderr]).toEqual([0, { formatVersion: 1, removed: false, holder: null }, 'no lock was held\n']);
    await expect(access(other)).resolves.toBeUndefined();
  });
});
