import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

// Temporary folders for tests: every one made by the suite goes through here, so every one is removed.

export type TempDir = { dir: string; remove(): Promise<void> };

// A new empty folder under the system's temp folder, named `<prefix><random>`. Its path is the real one
// (no symlinks, as on macOS where /tmp is a link), so it compares equal to what a child process reports.
// The caller removes it; inside a test file prefer useTempDir, which does that for you.
export async function makeTempDir(prefix = 'dwsync-'): Promise<TempDir> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
  return { dir, remove: () => removeTempDir(dir) };
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

// Runs body with a fresh folder and removes it afterwards, whatever body did.
export async function withTempDir<T>(body: (dir: string) => Promise<T>, prefix = 'dwsync-'): Promise<T> {
  const { dir, remove } = await makeTempDir(prefix);
  try {
    return await body(dir);
  } finally {
    await remove();
  }
}

// For a test file: a function making temp folders that are removed after each test (or, with
// { keep: 'file' }, after the last test of the file, for folders a beforeAll makes).
export function useTempDir(prefix = 'dwsync-', options: { keep?: 'test' | 'file' } = {}): () => Promise<string> {
  const made: string[] = [];
  const removeAll = async () => void (await Promise.all(made.splice(0).map(removeTempDir)));
  if (options.keep === 'file') afterAll(removeAll);
  else afterEach(removeAll);
  return async () => {
    const { dir } = await makeTempDir(prefix);
    made.push(dir);
    return dir;
  };
}
