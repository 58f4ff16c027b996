import { rm } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { onlyScope } from '../../src/commands/only-scope.js';
import { plan } from '../../src/commands/plan.js';
import type { Settings } from '../../src/commands/resolve-settings.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';

const settings = (only: string[]) => ({ only }) as Settings;

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('onlyScope', () => {
  it('speaks for every record without --only, gone files included', () => {
    const inScope = onlyScope(settings([]));
    expect(['jobs/a.yaml', 'jobs/gone/b.yaml', 'elsewhere.yaml'].map(inScope)).toEqual([true, true, true]);
  });

  it('with --only, speaks for just the records whose file matches one of the globs', () => {
    const inScope = onlyScope(settings(['jobs/ods/**', 'jobs/dws/x.yaml']));
    expect(['jobs/ods/a.yaml', 'jobs/ods/deep/b.yml', 'jobs/dws/x.yaml', 'jobs/dws/y.yaml', 'jobs/odsx/a.yaml'].map(inScope)).toEqual([true, true, true, false, false]);
  });

  it('keeps a plan --prune --only from deleting a task whose file is outside the globs', async () => {
    fixture = await setupCommand(12); // jobs/t0.yaml … jobs/t11.yaml
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const [gone, goneOutside] = [fixture.tasks[10], fixture.tasks[0]];
    for (const task of [gone!, goneOutside!]) await rm(path.join(fixture.repo.dir, task.file));

    const report = await plan({ root: fixture.repo.dir, prune: true, only: ['jobs/t1?.yaml'] }, fixture.deps);

    expect(report.changes.filter((change) => change.action === 'delete').map((change) => change.key)).toEqual([gone!.key]);
    expect(report.changes.map((change) => change.key)).not.toContain(goneOutside!.key);
  });
});
