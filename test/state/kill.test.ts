import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readState } from '../../src/state/read-state.js';
import { openStateStore } from '../../src/state/state-store.js';
import { withTempDir } from '../support/temp-dir.js';

const CHILD_SOURCE = join(import.meta.dirname, 'fixtures', 'record-outcomes.ts');

// Runs the child until it has printed `killAfter` resolved keys, then SIGKILLs it. Returns the keys.
// With `self`, the child kills itself right after printing that key instead.
async function recordThenKill(script: string, statePath: string, concurrency: number, killAfter: number, self: boolean): Promise<string[]> {
  const args = [script, statePath, '100000', String(concurrency), self ? String(killAfter) : '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const printed: string[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    printed.push(...lines);
    if (printed.length >= killAfter) child.kill('SIGKILL');
  });
  // 'close', not 'exit': 'exit' can come while lines the child wrote are still unread in the pipe, and
  // on a loaded machine the parent then counted fewer keys than the child had printed.
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' }); // it died mid-run, not at the end
  return printed;
}

describe('a run killed with SIGKILL', () => {
  it.each([
    [1, false],
    [16, false],
    [1, true],
    [16, true],
  ])('loses no record whose record() had resolved (concurrency %d, killed by itself: %s)', async (concurrency, self) => {
    await withTempDir(async (dir) => {
      const script = join(dir, 'child.mjs');
      await build({ entryPoints: [CHILD_SOURCE], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
      const statePath = join(dir, '.dwsync', 'state.json');
      const printed = await recordThenKill(script, statePath, concurrency, 300, self);
      expect(printed.length).toBeGreaterThanOrEqual(300);

      const loaded = await readState(statePath);
      expect(loaded.journal.found).toBe(true);
      for (const key of printed) {
        expect(loaded.state.tasks[key]?.lastAttempt?.requestId, key).toBe(`req-${key}`);
      }
      // The next run folds the leftover journal and carries on from it.
      const store = await openStateStore(statePath);
      const closed = await store.close();
      expect(Object.keys(closed.tasks).length).toBeGreaterThanOrEqual(printed.length);
      expect((await readState(statePath)).journal.found).toBe(false);
    });
  });
});
