import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { guardDeletes } from '../../src/commands/guard-deletes.js';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import { UserInputError } from '../../src/errors.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

const planned = (actions: Array<PlannedTask['action']>) => actions.map((action, i) => ({ key: `10000/${i}`, action }) as PlannedTask);

describe('guardDeletes', () => {
  it('lets a plan with up to --max-deletes deletions through, and refuses one more', () => {
    expect(() => guardDeletes(planned(['delete', 'delete', 'update']), { maxDeletes: 2 })).not.toThrow();
    expect(() => guardDeletes(planned(['delete', 'delete', 'delete']), { maxDeletes: 2 })).toThrow(
      new UserInputError(
        '--prune would delete 3 tasks, more than --max-deletes 2: nothing was changed. Check the plan (dwsync plan --prune), then run again with --max-deletes 3 if these deletions are wanted.',
      ),
    );
  });

  it('stops apply --prune before any call: DataWorks keeps every task and the state file is unchanged', async () => {
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
