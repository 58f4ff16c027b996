import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import type { ProgressPort } from '../../src/ports.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { readStateFile } from '../support/read-state-file.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('apply', () => {
  it('updates each task once, records it in the state file and releases the lock', async () => {
    fixture = await setupCommand(3);
    const told: string[] = [];
    const progress: ProgressPort = { start: (total) => void told.push(`start ${total}`), finish: (outcome) => void told.push(outcome) };
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, { ...fixture.deps, progress });
    expect(report.summary).toMatchObject({ applied: 3, failed: 0, unchanged: 0, skipped: 0 });
    expect(fixture.emulator.state.calls.filter((call) => call.action === 'UpdateDISyncTask')).toHaveLength(3);
    // The command reports each outcome as it is recorded; counting them is the reporter's job.
    expect(told).toEqual(['start 3', 'applied', 'applied', 'applied']);
    // Judged from the file on disk, not through the state reader.
    const text = await readFile(path.join(fixture.repo.dir, '.dwsync/state.json'), 'utf8');
    for (const key of ['10000/1000001', '10000/1000002', '10000/1000003']) expect(text).toContain(key);
    await expect(readFile(path.join(fixture.repo.dir, '.dwsync/state.json.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('a second apply calls nothing and reports every task unchanged', async () => {
    fixture = await setupCommand(2);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const before = fixture.emulator.state.calls.length;
    const told: string[] = [];
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, { ...fixture.deps, progress: { start: () => void told.push('start'), finish: (o) => void told.push(o) } });
    expect(report.summary).toMatchObject({ applied: 0, unchanged: 2 });
    expect(fixture.emulator.state.calls.length).toBe(before);
    expect(told).toEqual([]);
  });

  it('a task file that moved keeps its record, with the new file name, and nothing is sent', async () => {
    fixture = await setupCommand(2);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const statePath = path.join(fixture.repo.dir, '.dwsync/state.json');
    const before = await readStateFile(statePath);
    await mkdir(path.join(fixture.repo.dir, 'jobs/moved'));
    await rename(path.join(fixture.repo.dir, 'jobs/t0.yaml'), path.join(fixture.repo.dir, 'jobs/moved/t0.yaml'));
    const calls = fixture.emulator.state.calls.length;

    const report = await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);

    expect(report.summary).toMatchObject({ applied: 0, unchanged: 2 });
    expect(fixture.emulator.state.calls.length).toBe(calls);
    const after = await readStateFile(statePath);
    expect(after.tasks['10000/1000001']).toEqual({ ...before.tasks['10000/1000001'], file: 'jobs/moved/t0.yaml' });
    expect(after.tasks['10000/1000002']).toEqual(before.tasks['10000/1000002']);
  });

  it('with deploy, reads each workspace once with GetProject however many tasks it deploys', async () => {
    fixture = await setupCommand(3);
    const report = await apply({ root: fixture.repo.dir, qps: 0, deploy: true }, fixture.deps);
    expect(report.summary).toMatchObject({ applied: 3, failed: 0 });
    expect(fixture.emulator.state.calls.filter((call) => call.action === 'SubmitFile')).toHaveLength(3);
    expect(fixture.emulator.state.calls.filter((call) => call.action === 'GetProject')).toHaveLength(1);
  });
  it('--prune past --max-deletes stops before any call: DataWorks keeps every task and the state file is unchanged', async () => {
    fixture = await setupCommand(3);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const statePath = path.join(fixture.repo.dir, '.dwsync', 'state.json');
    const stateBefore = await readFile(statePath);
    for (const task of fixture.tasks.slice(0, 2)) await rm(path.join(fixture.repo.dir, task.file));
    const before = fixture.emulator.state.calls.length;

    await expect(apply({ root: fixture.repo.dir, qps: 0, prune: true, maxDeletes: 1 }, fixture.deps)).rejects.toThrow('--prune would delete 2 tasks');

    expect(fixture.emulator.state.calls.slice(before)).toEqual([]);
    expect([...fixture.emulator.state.tasks.keys()].sort()).toEqual(fixture.tasks.map((task) => task.key).sort());
    expect((await readFile(statePath)).equals(stateBefore)).toBe(true);
  });
});
