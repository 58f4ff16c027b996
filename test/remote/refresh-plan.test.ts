import { afterEach, describe, expect, it } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import { connect } from '../../src/commands/connect.js';
import { loadTasks } from '../../src/commands/load-tasks.js';
import { planAgainst } from '../../src/commands/plan.js';
import { refreshPlan } from '../../src/remote/refresh-plan.js';
import { resolveSettings } from '../../src/commands/resolve-settings.js';
import { UserInputError } from '../../src/errors.js';
import { readState } from '../../src/state/read-state.js';
import { buildTask } from '../support/build-task.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { taskYaml } from '../support/task-yaml.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

// The step as plan and apply run it: settings, tasks and the state read back from disk, then refreshPlan.
async function refresh(f: CommandFixture) {
  const settings = await resolveSettings({ root: f.repo.dir, endpoint: f.emulator.url, qps: 0 }, {});
  const { tasks } = await loadTasks(settings);
  const { state } = await readState(settings.statePath);
  return refreshPlan(planAgainst(tasks, state, settings), state.salt, settings, await connect(settings, f.deps));
}

describe('refreshPlan', () => {
  it('reads every applied task from DataWorks and marks exactly the one edited there', async () => {
    fixture = await setupCommand(3);
    await apply({ root: fixture.repo.dir, qps: 0 }, fixture.deps);
    const [, edited] = fixture.tasks;
    fixture.emulator.editTask(edited!, { taskContent: JSON.stringify({ ...edited!.taskContent, setting: { speed: { concurrent: 9 } } }) });
    const before = fixture.emulator.state.calls.length;

    const { planned, warnings } = await refresh(fixture);

    expect(warnings).toEqual([]);
    expect(planned.filter((entry) => entry.drift).map((entry) => entry.key)).toEqual([edited!.key]);
    const read = fixture.emulator.state.calls.slice(before).filter((call) => call.action === 'GetFile');
    expect(read.map((call) => Number(call.parameters.FileId)).sort()).toEqual(fixture.tasks.map((task) => task.fileId));
    expect(fixture.emulator.state.calls.slice(before).filter((call) => call.action === 'UpdateDISyncTask')).toEqual([]);
  });

  it('stops on a datasource the workspace does not have, before reading any task', async () => {
    fixture = await setupCommand(2);
    const mistyped = buildTask({ fileId: fixture.tasks[1]!.fileId, file: fixture.tasks[1]!.file });
    await fixture.repo.write(mistyped.file, taskYaml(mistyped).replace('datasource: odps_first', 'datasource: odps_frist'));
    const before = fixture.emulator.state.calls.length;

    const refused = await refresh(fixture).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).message).toBe('1 reference(s) to datasources that do not exist in their workspace; nothing was changed');
    const actions = fixture.emulator.state.calls.slice(before).map((call) => call.action);
    expect(actions.length).toBeGreaterThan(0); // the references were checked against the workspace
    expect(actions.filter((action) => action === 'GetFile' || action === 'UpdateDISyncTask')).toEqual([]);
  });
});
