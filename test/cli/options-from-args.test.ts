import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { optionsFromArgs, readStartDirectory } from '../../src/cli/options-from-args.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

// Flags → CommandOptions: only what was given is set, so dwsync.yaml decides the rest.

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

async function setup(): Promise<{ root: string; io: CliIo & { err: () => string } }> {
  repo = await createTempRepo({ 'jobs/.keep': '' });
  const root = await realpath(repo.dir);
  let err = '';
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd: root, err: () => err };
  return { root, io };
}

describe('optionsFromArgs', () => {
  it('sets only the root when no flag was given, and says nothing', async () => {
    const { root, io } = await setup();
    expect(await optionsFromArgs({}, io)).toEqual({ root });
    expect(io.err()).toBe('');
  });

  it('passes every repository flag as its option', async () => {
    const { root, io } = await setup();
    const values = {
      state: 's.json',
      endpoint: 'http://127.0.0.1:1',
      region: 'cn-shanghai',
      concurrency: 3,
      qps: 0,
      only: ['jobs/a/**', 'jobs/b.yaml'],
      workspace: 10000,
      refresh: true,
      force: true,
      deploy: false,
      prune: true,
      maxDeletes: 0,
      json: true,
    };
    expect(await optionsFromArgs(values, io)).toEqual({
      root,
      statePath: 's.json',
      endpoint: 'http://127.0.0.1:1',
      region: 'cn-shanghai',
      concurrency: 3,
      qps: 0,
      only: ['jobs/a/**', 'jobs/b.yaml'],
      workspace: 10000,
      refresh: true,
      force: true,
      deploy: false,
      prune: true,
      maxDeletes: 0,
    });
  });

  it('leaves out flags that are off or of the wrong type, so the file decides them', async () => {
    const { root, io } = await setup();
    const values = { refresh: false, force: false, concurrency: '3', qps: '1', workspace: '1', only: 'jobs/**', maxDeletes: '2', deploy: 'yes', state: 5 };
    expect(await optionsFromArgs(values, io)).toEqual({ root });
  });

  it('finds the root above -C and says which it took', async () => {
    const { root, io } = await setup();
    await mkdir(path.join(root, 'jobs', 'ods'), { recursive: true });
    expect(await optionsFromArgs({ C: 'jobs/ods' }, io)).toEqual({ root });
    expect(io.err()).toBe(`dwsync: using the repository root ${root} (the top level of the git repository)\n`);
  });
});

describe('readStartDirectory', () => {
  it('is the current folder without -C, and -C resolved against it otherwise', async () => {
    const { root } = await setup();
    expect(await readStartDirectory({}, root)).toBe(root);
    expect(await readStartDirectory({ C: 'jobs' }, root)).toBe(path.join(root, 'jobs'));
    expect(await readStartDirectory({ C: root }, '/')).toBe(root);
    expect(await readStartDirectory({ C: 5 }, root)).toBe(root);
  });

  it('refuses a -C under a file as no such directory', async () => {
    const { root } = await setup();
    await expect(readStartDirectory({ C: 'jobs/.keep/x' }, root)).rejects.toThrow('-C jobs/.keep/x: no such directory');
  });
});
