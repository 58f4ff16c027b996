import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('apply', () => {
  it('updates each task once, records it in the state file and releases the lock', async () => {
    fixture = await setupCommand(3);
    const progress: number[] = [];
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, { ...fixture.deps, onProgress: (p) => void progress.push(p.done) });
    expect(report.summary).toMatchObject({ applied: 3, failed: 0, unchanged: 0, skipped: 0 });
    expect(fixture.emulator.state.calls.filter((call) => call.action === 'UpdateDISyncTask')).toHaveLength(3);
    expect(progress).toEqual([1, 2, 3]);
    // Judged from the file on disk, not through the state reader.
    const text = await readFile(path.join(fixture.repo.dir, '.dwsync/state.json'), 'utf8');
    for (const key of ['10000/1000001', '10000/1000002', '10000/1000003']) expect(text).toContain(key);
    await expect(readFile(path.join(fixture.repo.dir, '.dwsync/state.json.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('a second apply calls nothing and reports every task unchanged', async () => {
    fixture = await setupCommand(2);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const before = fixture.emulator.state.calls.length;
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(report.summary).toMatchObject({ applied: 0, unchanged: 2 });
    expect(fixture.emulator.state.calls.length).toBe(before);
  });
});
