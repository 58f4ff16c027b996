import { afterEach, describe, expect, it } from 'vitest';

import { validate } from '../../src/commands/validate.js';
import { buildTask } from '../support/build-task.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { taskYaml } from '../support/task-yaml.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('validate', () => {
  it('counts the files and tasks, finds no problem in valid files and makes no call', async () => {
    fixture = await setupCommand(2);
    const report = await validate({ root: fixture.repo.dir }, fixture.deps);
    expect(report).toMatchObject({ problems: [], files: 2, tasks: 2 });
    // The builder's task writes a password in clear: a located warning, not a problem.
    expect(report.warnings.map((w) => [w.file, w.path])).toEqual([
      ['jobs/t0.yaml', 'taskContent.steps[0].parameter.password'],
      ['jobs/t1.yaml', 'taskContent.steps[0].parameter.password'],
    ]);
    expect(fixture.emulator.state.calls).toEqual([]);
  });

  it('returns a located problem for a broken file instead of throwing', async () => {
    fixture = await setupCommand(1);
    await fixture.repo.write('jobs/t0.yaml', 'projectId: [\n');
    const report = await validate({ root: fixture.repo.dir }, fixture.deps);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: 'jobs/t0.yaml', line: expect.any(Number), column: expect.any(Number) });
  });

  it('--remote checks the datasources against the workspace through the client', async () => {
    fixture = await setupCommand(1);
    const report = await validate({ root: fixture.repo.dir, remote: true, qps: 0 }, fixture.deps);
    expect(report.problems).toEqual([]);
    expect(fixture.emulator.state.calls.map((call) => call.action)).toContain('ListDataSources');
  });

  it('--workspace counts and checks against DataWorks only that workspace\'s tasks, still reading every file', async () => {
    fixture = await setupCommand(2); // workspace 10000
    const other = buildTask({ projectId: 20000, fileId: 2000001, file: 'jobs/w2.yaml' });
    await fixture.repo.write(other.file, taskYaml(other));
    const report = await validate({ root: fixture.repo.dir, remote: true, workspace: 10000, qps: 0 }, fixture.deps);
    expect(report).toMatchObject({ problems: [], files: 2, tasks: 2 });
    const asked = fixture.emulator.state.calls.map((call) => call.parameters.ProjectId).filter((id) => id !== undefined);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['10000']));

    await fixture.repo.write(other.file, 'projectId: [\n');
    const broken = await validate({ root: fixture.repo.dir, workspace: 10000 }, fixture.deps);
    expect(broken.problems.map((p) => p.file)).toEqual([other.file]);
  });
});
