import { rm } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import { buildNamedTask } from '../support/build-task.js';
import { readStateFile } from '../support/read-state-file.js';
import { useE2e } from '../support/e2e-setup.js';
import type { E2e } from '../support/e2e-setup.js';
import { namedTaskYaml, taskYaml } from '../support/task-yaml.js';

// Creating and retiring tasks from git, end to end: the built CLI over real HTTP against the emulator,
// judged by what the emulator received and holds, and by the state file as a fresh reader sees it.

const setup = useE2e();

const json = <T>(text: string) => JSON.parse(text) as T;
const FOLDER = 'Business Flow/ods/Data Integration';
type HeldTask = { projectId: number; fileId: number; fileName: string; fileFolderPath: string; taskContent: string; taskParam: string };

async function heldTasks(env: E2e): Promise<HeldTask[]> {
  return (await (await fetch(`${env.emulator.url}/__emulator/tasks`)).json()) as HeldTask[];
}

// The state file read as a fresh process reads it: format 2 (a header line, one line per task) or 1.
async function readStateTasks(env: E2e): Promise<Record<string, { fileId?: number; applied: unknown }>> {
  return (await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'))).tasks;
}

describe('tasks given by name and folder', () => {
  it('are created on the first apply (and deployed with --deploy); a second plan is clean; an edit updates the created file', async () => {
    const named = buildNamedTask({ file: 'jobs/named/ods_users.yaml' });
    const env = await setup(1, { files: { [named.file]: namedTaskYaml(named) } });

    const planned = await env.dwsync(['plan', '--json', '--detailed-exitcode']);
    expect(planned.code, planned.stderr).toBe(2);
    const plan = json<PlanReport>(planned.stdout);
    expect(plan.summary).toEqual({ create: 1, update: 1, unchanged: 0, orphaned: 0 });
    expect(plan.changes.find((c) => c.key === named.key)).toMatchObject({ action: 'create', file: named.file });

    const applied = await env.dwsync(['apply', '--json', '--deploy']);
    expect(applied.code, applied.stderr).toBe(0);
    const report = json<ApplyReport>(applied.stdout);
    expect(report.summary).toEqual({ created: 1, applied: 1, deleted: 0, failed: 0, unchanged: 0, skipped: 0 });
    const created = report.results.find((r) => r.key === named.key)!;
    expect(created).toMatchObject({ outcome: 'created', file: named.file });

    // What the emulator received and holds, not what dwsync says about it.
    const calls = await env.calls();
    const creates = calls.filter((c) => c.action === 'CreateDISyncTask' && c.status === 200);
    expect(creates).toHaveLength(1);
    expect(creates[0]!.parameters).toMatchObject({ TaskType: 'DI_OFFLINE', TaskName: 'ods_users', ProjectId: '10000' });
    expect(JSON.parse(creates[0]!.parameters.TaskParam!)).toEqual({ FileFolderPath: FOLDER, ResourceGroup: 'S_res_group_1_1', Cu: 2 });
    expect(creates[0]!.parameters.ClientToken).toMatch(/^dwsync-[0-9a-f]{48}$/);
    const lookup = calls.findIndex((c) => c.action === 'ListFiles' && c.parameters.ExactFileName === 'ods_users');
    expect(lookup).toBeGreaterThanOrEqual(0);
    expect(lookup).toBeLessThan(calls.indexOf(creates[0]!));
    const held = (await heldTasks(env)).filter((t) => t.fileName === 'ods_users');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ fileId: created.fileId, fileFolderPath: FOLDER });
    expect(JSON.parse(held[0]!.taskContent)).toEqual(named.taskContent);
    expect(calls.filter((c) => c.action === 'SubmitFile' && c.parameters.FileId === String(created.fileId))).toHaveLength(1);
    expect((await readStateTasks(env))[named.key]).toMatchObject({ fileId: created.fileId });
    // The task names no upstream (no schedule.dependsOn): the file depends on its workspace's root node.
    expect(env.emulator.state.tasks.get(`10000/${created.fileId}`)?.nodeConfiguration?.['InputList']).toEqual([{ Input: 'emulator_10000_root', ParseType: 'MANUAL' }]);

    const second = await env.dwsync(['plan', '--detailed-exitcode']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('Plan: 0 to update, 2 unchanged, 0 orphaned.');

    await env.repo.write(named.file, namedTaskYaml({ ...named, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } }));
    const edited = json<ApplyReport>((await env.dwsync(['apply', '--json'])).stdout);
    expect(edited.results.find((r) => r.key === named.key)).toMatchObject({ outcome: 'applied' });
    const after = await env.calls();
    expect(after.filter((c) => c.action === 'CreateDISyncTask')).toHaveLength(1);
    expect(after.filter((c) => c.action === 'UpdateDISyncTask' && c.parameters.FileId === String(created.fileId))).toHaveLength(1);
  });

  it('adopt the one existing batch sync file of that name in that folder, and refuse several, naming them', async () => {
    const named = buildNamedTask({ file: 'jobs/named/ods_users.yaml' });
    const dup = buildNamedTask({ name: 'ods_dup', file: 'jobs/named/ods_dup.yaml' });
    const env = await setup(1, { files: { [named.file]: namedTaskYaml(named), [dup.file]: namedTaskYaml(dup) } });
    env.emulator.seedTask({ projectId: 10000, fileId: 3000001, fileName: 'ods_users', fileFolderPath: FOLDER });
    env.emulator.seedTask({ projectId: 10000, fileId: 3000002, fileName: 'ods_dup', fileFolderPath: FOLDER });
    env.emulator.seedTask({ projectId: 10000, fileId: 3000003, fileName: 'ods_dup', fileFolderPath: `${FOLDER}/old` });

    const run = await env.dwsync(['apply', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const report = json<ApplyReport>(run.stdout);
    expect(report.results.find((r) => r.key === named.key)).toMatchObject({ outcome: 'applied', fileId: 3000001, reason: 'adopted' });
    const refused = report.results.find((r) => r.key === dup.key)!;
    expect(refused).toMatchObject({ outcome: 'failed', error: { code: 'AmbiguousTaskName' } });
    expect(refused.error!.message).toContain('3000002');
    expect(refused.error!.message).toContain('3000003');

    const calls = await env.calls();
    expect(calls.filter((c) => c.action === 'CreateDISyncTask')).toEqual([]);
    expect(calls.filter((c) => c.action === 'UpdateDISyncTask').map((c) => c.parameters.FileId).sort()).toEqual(['1000001', '3000001']);
    const held = (await heldTasks(env)).find((t) => t.fileId === 3000001)!;
    expect(JSON.parse(held.taskContent)).toEqual(named.taskContent);
    const state = await readStateTasks(env);
    expect(state[named.key]).toMatchObject({ fileId: 3000001 });
    expect(state[dup.key]?.fileId).toBeUndefined();
  });
});

describe('--prune and its safety valve', () => {
  it('plan --prune shows deletions of what dwsync applied only; past --max-deletes nothing is called; apply --prune deletes only those', async () => {
    // Four tasks, all in DataWorks; the first one's update is refused, so dwsync never applied it.
    const env = await setup(4);
    env.emulator.failNext({ kind: 'http', status: 400, code: 'Invalid.DI.Parameter' }, { action: 'UpdateDISyncTask' });
    const first = await env.dwsync(['apply', '--json', '--concurrency', '1']);
    expect(first.code, first.stderr).toBe(3);
    expect(json<ApplyReport>(first.stdout).results[0]).toMatchObject({ key: env.tasks[0]!.key, outcome: 'failed' });
    const [never, gone1, gone2, kept] = env.tasks;
    for (const task of [never!, gone1!, gone2!]) await rm(path.join(env.repo.dir, task.file));

    const plain = json<PlanReport>((await env.dwsync(['plan', '--json'])).stdout);
    expect(plain.summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 3 });

    const pruned = await env.dwsync(['plan', '--prune', '--json', '--detailed-exitcode']);
    expect(pruned.code, pruned.stderr).toBe(2);
    const plan = json<PlanReport>(pruned.stdout);
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 1, delete: 2 });
    expect(plan.changes.map((c) => [c.key, c.action])).toEqual([
      [never!.key, 'orphaned'],
      [gone1!.key, 'delete'],
      [gone2!.key, 'delete'],
      [kept!.key, 'unchanged'],
    ]);

    const callsBefore = (await env.calls()).length;
    const refused = await env.dwsync(['apply', '--prune', '--max-deletes', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--prune would delete 2 tasks, more than --max-deletes 1');
    expect((await env.calls()).length).toBe(callsBefore);
    const refusedPlan = await env.dwsync(['plan', '--prune', '--max-deletes', '1']);
    expect(refusedPlan.code).toBe(1);
    expect(Object.keys(await readStateTasks(env)).sort()).toEqual(env.tasks.map((t) => t.key).sort());

    const deleted = await env.dwsync(['apply', '--prune', '--json']);
    expect(deleted.code, deleted.stderr).toBe(0);
    const report = json<ApplyReport>(deleted.stdout);
    expect(report.summary).toEqual({ created: 0, applied: 0, deleted: 2, failed: 0, unchanged: 1, skipped: 0 });
    const calls = (await env.calls()).slice(callsBefore);
    expect(calls.filter((c) => c.action === 'DeleteFile').map((c) => c.parameters.FileId).sort()).toEqual([String(gone1!.fileId), String(gone2!.fileId)]);
    expect((await heldTasks(env)).map((t) => t.fileId)).toEqual([never!.fileId, kept!.fileId]);
    expect(Object.keys(await readStateTasks(env)).sort()).toEqual([never!.key, kept!.key]);
    expect((await env.dwsync(['plan', '--prune', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('references checked against the workspace', () => {
  it('a mistyped datasource is reported at its line by validate --remote, and stops apply --refresh before any update', async () => {
    const env = await setup(2);
    const typo = taskYaml(env.tasks[1]!).replace('odps_first', 'odps_frist');
    await env.repo.write(env.tasks[1]!.file, typo);
    const lineIndex = typo.split('\n').findIndex((line) => line.includes('odps_frist'));
    const column = typo.split('\n')[lineIndex]!.indexOf('odps_frist') + 1;
    const expected = `${env.tasks[1]!.file}:${lineIndex + 1}:${column}: error: taskContent.steps[1].parameter.datasource: datasource "odps_frist" does not exist in workspace 10000 (did you mean "odps_first"?)`;

    expect((await env.dwsync(['validate'])).code).toBe(0); // offline, nothing to see
    const validated = await env.dwsync(['validate', '--remote']);
    expect(validated.code).toBe(1);
    expect(validated.stderr.split('\n')).toContain(expected);

    const applied = await env.dwsync(['apply', '--refresh']);
    expect(applied.code).toBe(1);
    expect(applied.stderr.split('\n')).toContain(expected);
    const planned = await env.dwsync(['plan', '--refresh']);
    expect(planned.code).toBe(1);
    const calls = await env.calls();
    expect(calls.filter((c) => c.action === 'UpdateDISyncTask')).toEqual([]);
    // Listed once per workspace per run (three runs), and the resource groups once per run.
    expect(calls.filter((c) => c.action === 'ListDataSources')).toHaveLength(3);
    expect(calls.filter((c) => c.action === 'ListResourceGroups')).toHaveLength(3);
  });

  it('an unlisted resource group is a warning at its line: validate --remote still passes', async () => {
    const env = await setup(1);
    await fetch(`${env.emulator.url}/__emulator/resource-groups`, { method: 'PUT', body: JSON.stringify(['S_res_group_other']) });
    const validated = await env.dwsync(['validate', '--remote']);
    expect(validated.code, validated.stderr).toBe(0);
    const text = taskYaml(env.tasks[0]!).split('\n');
    const line = text.findIndex((l) => l.includes('S_res_group_1_1'));
    expect(validated.stderr).toContain(`${env.tasks[0]!.file}:${line + 1}:${text[line]!.indexOf('S_res_group_1_1') + 1}: warning: taskParam.ResourceGroup: "S_res_group_1_1" is not among the Data Integration resource groups DataWorks lists`);
  });
  it('--max-deletes counts the whole run: with one state per workspace, deletions in two workspaces add up before any call', async () => {
    // Two tasks in each of two workspaces, one state file each; one task of each workspace then removed.
    const env = await setup(4, {
      task: (i) => ({ projectId: i < 2 ? 10000 : 20000 }),
      files: { 'dwsync.yaml': 'state: .dwsync/state-{projectId}.json\n' },
    });
    const first = await env.dwsync(['apply', '--json']);
    expect(first.code, first.stderr).toBe(0);
    await rm(path.join(env.repo.dir, env.tasks[0]!.file));
    await rm(path.join(env.repo.dir, env.tasks[2]!.file));

    const callsBefore = (await env.calls()).length;
    for (const command of ['plan', 'apply']) {
      const refused = await env.dwsync([command, '--prune', '--max-deletes', '1']);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain('--prune would delete 2 tasks, more than --max-deletes 1');
    }
    expect((await env.calls()).length).toBe(callsBefore);
    expect((await heldTasks(env)).length).toBe(4);

    const deleted = await env.dwsync(['apply', '--prune', '--max-deletes', '2', '--json']);
    expect(deleted.code, deleted.stderr).toBe(0);
    const calls = (await env.calls()).slice(callsBefore);
    expect(calls.filter((c) => c.action === 'DeleteFile').map((c) => c.parameters.FileId).sort()).toEqual([String(env.tasks[0]!.fileId), String(env.tasks[2]!.fileId)]);
  });
});
