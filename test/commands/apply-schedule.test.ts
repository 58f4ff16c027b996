import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { readStateFile } from '../support/read-state-file.js';

// The schedule through apply, judged from the emulator's call records and the state file on disk.
let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

const sent = (f: CommandFixture, action: string) => f.emulator.state.calls.filter((c) => c.action === action && c.status === 200).map((c) => c.body);

async function withSchedule(f: CommandFixture, yaml: string) {
  // Each document's schedule is the last block of its file: rewrite the file's tail.
  const file = path.join(f.repo.dir, 'jobs/t0.yaml');
  await appendFile(file, yaml);
}

describe('apply with a schedule (2020-05-18)', () => {
  it('leaves the schedule alone when the task has none: no UpdateFile', async () => {
    fixture = await setupCommand(1);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(sent(fixture, 'UpdateFile')).toEqual([]);
  });

  it('sends the schedule after the content, then only the field that changed, without UpdateDISyncTask', async () => {
    fixture = await setupCommand(1);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    await withSchedule(fixture, 'schedule:\n  cron: "00 30 01 * * ?"\n  rerun: {times: 5}\n');
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(sent(fixture, 'UpdateFile')).toEqual([expect.objectContaining({ FileId: '1000001', CronExpress: '00 30 01 * * ?', AutoRerunTimes: '5' })]);
    expect(sent(fixture, 'UpdateFile')[0]).not.toHaveProperty('CycleType'); // DAY, as before
    const updates = sent(fixture, 'UpdateDISyncTask').length;

    const file = path.join(fixture.repo.dir, 'jobs/t0.yaml');
    const { readFile, writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replace('times: 5', 'times: 2'));
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(report.summary).toMatchObject({ applied: 1, failed: 0 });
    expect(sent(fixture, 'UpdateFile')[1]).toEqual({ ProjectId: '10000', FileId: '1000001', AutoRerunTimes: '2' });
    expect(sent(fixture, 'UpdateDISyncTask')).toHaveLength(updates);
    const state = await readStateFile(path.join(fixture.repo.dir, '.dwsync/state.json'));
    expect((state.tasks['10000/1000001'] as { applied: { schedule: unknown } }).applied.schedule).toEqual({ cron: '00 30 01 * * ?', rerun: { times: 2 } });
    expect((await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps)).summary).toMatchObject({ unchanged: 1 });
  });

  it('a first schedule sends only what differs from the live one: GetFile is read first', async () => {
    fixture = await setupCommand(1);
    // The emulator's never-scheduled file: rerun mode ALL_ALLOWED, cron "00 00 00 * * ?".
    await withSchedule(fixture, 'schedule:\n  cron: "00 00 00 * * ?"\n  rerun: {mode: all-allowed, times: 1}\n');
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(report.summary).toMatchObject({ applied: 1, failed: 0 });
    const calls = fixture.emulator.state.calls.map((c) => c.action);
    expect(calls.indexOf('GetFile')).toBeGreaterThan(calls.indexOf('UpdateDISyncTask'));
    expect(calls.indexOf('GetFile')).toBeLessThan(calls.indexOf('UpdateFile'));
    expect(sent(fixture, 'UpdateFile')).toEqual([{ ProjectId: '10000', FileId: '1000001', AutoRerunTimes: '1' }]);
  });

  it('a refused schedule is recorded as content applied, schedule not; the next apply sends only the schedule', async () => {
    fixture = await setupCommand(1);
    fixture.emulator.failNext({ kind: 'http', status: 400, code: 'Invalid.Data', message: 'invalid data' }, { action: 'UpdateFile' });
    await withSchedule(fixture, 'schedule:\n  rerun: {mode: all-denied}\n');
    const report = await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect(report.summary).toMatchObject({ failed: 1 });
    const state = await readStateFile(path.join(fixture.repo.dir, '.dwsync/state.json'));
    const record = state.tasks['10000/1000001'] as { applied: Record<string, unknown> | null; lastAttempt: { outcome: string } };
    expect(record.applied).not.toBeNull();
    expect(record.applied).not.toHaveProperty('schedule');
    expect(record.lastAttempt.outcome).toBe('failed');
    const updates = sent(fixture, 'UpdateDISyncTask').length;
    fixture.emulator.state.calls.length = 0;
    expect((await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps)).summary).toMatchObject({ applied: 1 });
    expect(updates).toBe(1);
    expect(sent(fixture, 'UpdateDISyncTask')).toEqual([]);
    expect(sent(fixture, 'UpdateFile')).toEqual([{ ProjectId: '10000', FileId: '1000001', RerunMode: 'ALL_DENIED' }]);
  });
});

describe('plan --refresh with a schedule', () => {
  it('reports a schedule changed in the console as drift, on the keys the task manages', async () => {
    const { preparePlan } = await import('../../src/commands/plan.js').catch(() => ({ preparePlan: undefined }));
    fixture = await setupCommand(1);
    await withSchedule(fixture, 'schedule:\n  cron: "00 30 01 * * ?"\n');
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const res = await fetch(`${fixture.emulator.url}/__emulator/tasks/10000/1000001`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nodeConfiguration: { CronExpress: '00 00 05 * * ?', Stop: true } }),
    });
    expect(res.status).toBe(200);
    const report = await apply({ root: fixture.repo.dir, qps: 0, refresh: true }, fixture.deps);
    expect(report.results[0]).toMatchObject({ outcome: 'skipped', reason: 'drift' });
    void preparePlan;
  });

  it('apply --refresh --force puts a drifted schedule back: the live value is the base, so the changed field is sent', async () => {
    fixture = await setupCommand(1);
    await withSchedule(fixture, 'schedule:\n  cron: "00 30 01 * * ?"\n');
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    await fetch(`${fixture.emulator.url}/__emulator/tasks/10000/1000001`, { method: 'PUT', body: JSON.stringify({ nodeConfiguration: { CronExpress: '00 00 05 * * ?' } }) });
    const report = await apply({ root: fixture.repo.dir, qps: 0, refresh: true, force: true }, fixture.deps);
    expect(report.results[0]).toMatchObject({ outcome: 'applied' });
    expect(sent(fixture, 'UpdateFile').at(-1)).toMatchObject({ CronExpress: '00 30 01 * * ?' });
    expect(fixture.emulator.state.tasks.get('10000/1000001')?.nodeConfiguration?.['CronExpress']).toBe('00 30 01 * * ?');
  });
});

describe('import with a schedule', () => {
  it('writes the schedule GetFile shows, so a plan right after import is unchanged', async () => {
    const { importTasks } = await import('../../src/commands/import.js');
    const { plan } = await import('../../src/commands/plan.js');
    const { readFile, rm } = await import('node:fs/promises');
    fixture = await setupCommand(1);
    await withSchedule(fixture, 'schedule:\n  cron: "00 */30 * * * ?"\n  rerun: {mode: all-denied}\n  dependsOn: [proj_root]\n');
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    await rm(path.join(fixture.repo.dir, 'jobs'), { recursive: true });
    await rm(path.join(fixture.repo.dir, '.dwsync'), { recursive: true });
    await importTasks({ root: fixture.repo.dir, qps: 0, concurrency: 2, projectId: 10000 }, { ...fixture.deps, random: () => 0 });
    const written = (await import('node:fs/promises')).readdir(path.join(fixture.repo.dir, 'jobs'), { recursive: true });
    const file = (await written).find((f) => String(f).endsWith('.yaml'))!;
    const text = await readFile(path.join(fixture.repo.dir, 'jobs', String(file)), 'utf8');
    expect(text).toContain('cron: 00 */30 * * * ?');
    expect(text).toContain('dependsOn: [proj_root]');
    expect((await plan({ root: fixture.repo.dir, refresh: true, qps: 0 }, fixture.deps)).summary).toMatchObject({ update: 0, unchanged: 1 });
  });
});
