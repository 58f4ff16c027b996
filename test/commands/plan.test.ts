import { rm } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { plan } from '../../src/commands/plan.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('plan', () => {
  it('plans every task as an update against an empty state, without a call or a state file', async () => {
    fixture = await setupCommand(2);
    const report = await plan({ root: fixture.repo.dir }, fixture.deps);
    expect(report.summary).toMatchObject({ update: 2, unchanged: 0, orphaned: 0 });
    expect(report.changes.map((change) => [change.key, change.reason])).toEqual([
      ['10000/1000001', 'new'],
      ['10000/1000002', 'new'],
    ]);
    expect(fixture.emulator.state.calls).toEqual([]);
  });

  it('after an apply, finds nothing to do; --refresh reads the live side and still finds nothing', async () => {
    fixture = await setupCommand(2);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    expect((await plan({ root: fixture.repo.dir }, fixture.deps)).summary).toMatchObject({ update: 0, unchanged: 2 });
    const before = fixture.emulator.state.calls.length;
    expect((await plan({ root: fixture.repo.dir, refresh: true, qps: 0 }, fixture.deps)).summary).toMatchObject({ update: 0, unchanged: 2 });
    expect(fixture.emulator.state.calls.slice(before).filter((call) => call.action === 'GetFile')).toHaveLength(2);
  });
  it('--prune --only does not plan deleting a task whose file is outside the globs', async () => {
    fixture = await setupCommand(12); // jobs/t0.yaml … jobs/t11.yaml
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const [gone, goneOutside] = [fixture.tasks[10], fixture.tasks[0]];
    for (const task of [gone!, goneOutside!]) await rm(path.join(fixture.repo.dir, task.file));

    const report = await plan({ root: fixture.repo.dir, prune: true, only: ['jobs/t1?.yaml'] }, fixture.deps);

    expect(report.changes.filter((change) => change.action === 'delete').map((change) => change.key)).toEqual([gone!.key]);
    expect(report.changes.map((change) => change.key)).not.toContain(goneOutside!.key);
  });
});
