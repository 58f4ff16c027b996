import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import type { ImportReport } from '../../src/core/import/import-report.js';
import type { Task } from '../../src/core/task/task.js';
import { seedNamedTaskReferences } from '../../src/emulator/start-emulator.js';
import { buildNamedTask, buildNodeTask, buildTask } from '../support/build-task.js';
import { readStateFile } from '../support/read-state-file.js';
import { useE2e, type Call, type E2e } from '../support/e2e-setup.js';
import { dataStudioConfig, namedTaskYaml, nodeTaskYaml, taskYaml } from '../support/task-yaml.js';
import { flowSpecDepartures } from '../support/flowspec-departures.js';

// The new Data Studio (2024-05-18) end to end: the built CLI over real HTTP through the real SDK to
// the emulator, the same task files as on 2020-05-18 plus a dwsync.yaml naming the workspace's API.
// Judged by the calls the emulator received and the nodes it holds, and by the state file as a fresh
// reader sees it.

const setup = useE2e();
const STUDIO = 20000;
const NODE_ID = '7000000000000000001';
const json = <T>(text: string) => JSON.parse(text) as T;

type HeldNode = { projectId: number; id: string; spec: string; updates: number; deployed: boolean };
const nodeOf = (held: HeldNode) => JSON.parse(held.spec).spec.nodes[0];

async function heldNodes(env: E2e): Promise<HeldNode[]> {
  return (await (await fetch(`${env.emulator.url}/__emulator/nodes`)).json()) as HeldNode[];
}

// A repository with dwsync.yaml putting STUDIO on the new Data Studio, these task files, and an
// emulator where STUDIO is a new-Data-Studio workspace holding an empty DI node for each nodeId task.
async function studio(tasks: Task[], options: { config?: string; nodes?: Array<{ projectId: number; nodeId: string; name?: string; spec?: Record<string, unknown> }> } = {}): Promise<E2e> {
  const files: Record<string, string> = { 'dwsync.yaml': options.config ?? dataStudioConfig([STUDIO]) };
  for (const task of tasks) files[task.file] = task.nodeId !== undefined ? nodeTaskYaml(task) : task.name !== undefined ? namedTaskYaml(task) : taskYaml(task);
  const nodes = options.nodes ?? tasks.filter((t) => t.nodeId !== undefined).map((t) => ({ projectId: t.projectId, nodeId: t.nodeId! }));
  const env = await setup(0, { files, emulator: { newStudio: [STUDIO], nodes, deploymentPolls: 0 } });
  seedNamedTaskReferences(env.emulator.state, tasks);
  return env;
}

const accepted = (calls: Call[], action: string) => calls.filter((c) => c.action === action && c.status === 200);
const specOf = (call: Call) => JSON.parse(call.parameters.Spec!);

describe('a workspace on the new Data Studio', () => {
  it('apply updates a node by nodeId and creates one by name and folder, through the FlowSpec; a second plan is clean; an edit sends only what changed', async () => {
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml' });
    const named = buildNamedTask({ projectId: STUDIO, name: 'ods_orders', folder: 'Workflow/ods', file: 'jobs/studio/ods_orders.yaml' });
    const env = await studio([byId, named]);

    const planned = json<PlanReport>((await env.dwsync(['plan', '--json'])).stdout);
    expect(planned.changes.map((c) => [c.key, c.action, c.api])).toEqual(
      expect.arrayContaining([
        [byId.key, 'update', '2024-05-18'],
        [named.key, 'create', '2024-05-18'],
      ]),
    );

    const applied = await env.dwsync(['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const report = json<ApplyReport>(applied.stdout);
    expect(report.summary).toMatchObject({ created: 1, applied: 1, failed: 0 });
    const created = report.results.find((r) => r.key === named.key)!;
    expect(created).toMatchObject({ outcome: 'created', nodeId: expect.stringMatching(/^\d+$/) });

    // What the emulator received: no 2020-05-18 call at all; a lookup before the create.
    const calls = await env.calls();
    expect(calls.filter((c) => /DISyncTask|File/.test(c.action))).toEqual([]);
    const creates = accepted(calls, 'CreateNode');
    expect(creates).toHaveLength(1);
    expect(calls.findIndex((c) => c.action === 'ListNodes')).toBeLessThan(calls.indexOf(creates[0]!));
    expect(specOf(creates[0]!).spec.nodes[0]).toMatchObject({ name: 'ods_orders', script: { path: 'Workflow/ods/ods_orders', language: 'di', runtime: { command: 'DI' } } });
    // What it holds: the job JSON and the resource group of each task file.
    const nodes = await heldNodes(env);
    const heldById = nodes.find((n) => n.id === NODE_ID)!;
    expect(JSON.parse(nodeOf(heldById).script.content)).toEqual(byId.taskContent);
    expect(nodeOf(heldById).runtimeResource).toEqual({ resourceGroup: byId.taskParam['ResourceGroup'], cu: String(byId.taskParam['Cu']) });
    const heldNamed = nodes.find((n) => n.id === created.nodeId)!;
    expect(JSON.parse(nodeOf(heldNamed).script.content)).toEqual(named.taskContent);
    // The state, as a fresh reader sees it: the created node's id is kept.
    const state = await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'));
    expect(state.tasks[named.key]).toMatchObject({ nodeId: created.nodeId });

    const second = await env.dwsync(['plan', '--detailed-exitcode']);
    expect(second.code, second.stdout + second.stderr).toBe(0);

    // An edit of the job only: one UpdateNode carrying the node's id and script.content, nothing else.
    const edited = { ...byId.taskContent, setting: { speed: { concurrent: 7 } } };
    await env.repo.write(byId.file, nodeTaskYaml({ ...byId, taskContent: edited }));
    await env.dwsync(['apply']);
    const updates = accepted(await env.calls(), 'UpdateNode').filter((c) => specOf(c).spec.nodes[0].id === NODE_ID);
    expect(updates).toHaveLength(2);
    expect(specOf(updates[1]!).spec.nodes[0]).toEqual({ id: NODE_ID, script: { content: JSON.stringify(edited) } });
  });

  it('deploys through a pipeline run (every stage advanced), and records a stage that fails as a failed deploy', async () => {
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml' });
    const env = await studio([byId]);

    const first = await env.dwsync(['apply', '--deploy', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const calls = await env.calls();
    const runs = accepted(calls, 'CreatePipelineRun');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.parameters).toMatchObject({ ProjectId: String(STUDIO), Type: 'Online' });
    expect(JSON.parse(runs[0]!.parameters.ObjectIds!)).toEqual([NODE_ID]);
    expect(accepted(calls, 'ExecPipelineRunStage').length).toBeGreaterThan(0);
    expect((await heldNodes(env)).find((n) => n.id === NODE_ID)!.deployed).toBe(true);
    const state = await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'));
    expect(state.tasks[byId.key]).toMatchObject({ deploy: { stage: 'deployed', pipelineRunId: expect.any(String) } });

    await fetch(`${env.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'stage-failure' }) });
    await env.repo.write(byId.file, nodeTaskYaml({ ...byId, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } }));
    const second = await env.dwsync(['apply', '--deploy', '--json']);
    expect(second.code).not.toBe(0);
    const result = json<ApplyReport>(second.stdout).results.find((r) => r.key === byId.key)!;
    expect(result.outcome).toBe('failed');
    const after = await readStateFile(path.join(env.repo.dir, '.dwsync/state.json'));
    // The update went through (applied keeps it), the deploy did not.
    expect(after.tasks[byId.key]).toMatchObject({ applied: { taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } }, deploy: { stage: 'failed' } });
  });

  it('plan --refresh sees a console edit of a node as drift, and apply --refresh leaves the node as it is', async () => {
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml' });
    const env = await studio([byId]);
    expect((await env.dwsync(['apply'])).code).toBe(0);

    const held = (await heldNodes(env)).find((n) => n.id === NODE_ID)!;
    const spec = JSON.parse(held.spec);
    const inConsole = structuredClone(byId.taskContent) as { setting: { speed: { concurrent: number } } };
    inConsole.setting.speed.concurrent = 9;
    spec.spec.nodes[0].script.content = JSON.stringify(inConsole);
    const put = await fetch(`${env.emulator.url}/__emulator/nodes/${STUDIO}/${NODE_ID}`, { method: 'PUT', body: JSON.stringify({ spec: JSON.stringify(spec) }) });
    expect(put.status).toBe(200);

    await env.repo.write(byId.file, nodeTaskYaml({ ...byId, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } }));
    const plan = json<PlanReport>((await env.dwsync(['plan', '--refresh', '--json'])).stdout);
    expect(plan.changes.find((c) => c.key === byId.key)).toMatchObject({ drift: true, liveContentPatch: [{ op: 'replace', path: '/setting/speed/concurrent', value: 9 }] });

    const updatesBefore = accepted(await env.calls(), 'UpdateNode').length;
    const apply = await env.dwsync(['apply', '--refresh', '--json']);
    expect(apply.code).toBe(3);
    expect(json<ApplyReport>(apply.stdout).results.find((r) => r.key === byId.key)).toMatchObject({ outcome: 'skipped', reason: 'drift' });
    expect(accepted(await env.calls(), 'UpdateNode')).toHaveLength(updatesBefore);
    expect(JSON.parse(nodeOf((await heldNodes(env)).find((n) => n.id === NODE_ID)!).script.content)).toEqual(inConsole);
  });

  it('import writes a task file with nodeId, the job, the resource group and the schedule, which plans unchanged and applies nothing', async () => {
    const content = { type: 'job', version: '2.0', steps: [{ stepType: 'mysql', category: 'reader', name: 'Reader', parameter: { datasource: 'mysql_pub', table: ['users'], column: ['id'] } }, { stepType: 'odps', category: 'writer', name: 'Writer', parameter: { datasource: 'odps_first', table: 'ods_users', column: ['id'] } }], setting: { speed: { concurrent: 2 } }, order: { hops: [{ from: 'Reader', to: 'Writer' }] } };
    const node = {
      id: NODE_ID,
      name: 'ods_users',
      recurrence: 'Normal',
      rerunMode: 'FailureAllowed',
      rerunTimes: 3,
      rerunInterval: 180000,
      script: { path: 'Workflow/ods/ods_users', language: 'di', runtime: { command: 'DI' }, content: JSON.stringify(content), parameters: [{ name: 'bizdate', scope: 'NodeParameter', type: 'System', value: '$bizdate' }] },
      trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' },
      runtimeResource: { resourceGroup: 'S_res_group_1_1', cu: '2' },
    };
    const env = await studio([], { nodes: [{ projectId: STUDIO, nodeId: NODE_ID, name: 'ods_users', spec: { version: '1.1.0', kind: 'Node', spec: { nodes: [node] } } }] });
    seedNamedTaskReferences(env.emulator.state, [buildNodeTask({ taskContent: content })]);

    const imported = await env.dwsync(['import', '--project-id', String(STUDIO), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = json<ImportReport>(imported.stdout);
    expect(report.summary).toEqual({ written: 1, exists: 0, failed: 0 });
    expect(report.check).toMatchObject({ ok: true, unchanged: 1 });
    const written = parse(await readFile(path.join(env.repo.dir, report.results[0]!.file!), 'utf8'));
    expect(written).toEqual({
      projectId: STUDIO,
      nodeId: NODE_ID,
      taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 2 },
      taskContent: content,
      schedule: { cron: '00 00 01 * * ?', rerun: { mode: 'failure-allowed', times: 3, intervalSeconds: 180 }, parameters: 'bizdate=$bizdate', paused: false, skipped: false },
    });
    const refreshed = await env.dwsync(['plan', '--refresh', '--detailed-exitcode']);
    expect(refreshed.code, refreshed.stdout + refreshed.stderr).toBe(0);
    await env.dwsync(['apply']);
    expect(accepted(await env.calls(), 'UpdateNode')).toEqual([]);
  });

  it('the schedule goes into the node with the job; a schedule-only edit sends only it; a console change of the cron is drift', async () => {
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml', schedule: { cron: '00 00 01 * * ?', rerun: { mode: 'all-denied' }, dependsOn: ['emulator_20000_root'], timeoutHours: 2 } });
    const named = buildNamedTask({ projectId: STUDIO, name: 'ods_orders', folder: 'Workflow/ods', file: 'jobs/studio/ods_orders.yaml', schedule: { cron: '00 15 03 * * ?', dependsOn: ['emulator_20000_root'] } });
    const env = await studio([byId, named]);
    const applied = await env.dwsync(['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const createdId = json<ApplyReport>(applied.stdout).results.find((r) => r.key === named.key)!.nodeId!;

    const held = await heldNodes(env);
    const heldById = held.find((n) => n.id === NODE_ID)!;
    expect(nodeOf(heldById)).toMatchObject({ trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' }, rerunMode: 'Denied', timeout: 2 });
    expect(JSON.parse(heldById.spec).spec.flow).toEqual([{ nodeId: NODE_ID, depends: [{ type: 'Normal', output: 'emulator_20000_root' }] }]);
    // The created node: its trigger with the CreateNode, its dependencies by the id CreateNode gave.
    const heldNamed = held.find((n) => n.id === createdId)!;
    expect(nodeOf(heldNamed).trigger).toMatchObject({ cron: '00 15 03 * * ?' });
    expect(JSON.parse(heldNamed.spec).spec.flow).toEqual([{ nodeId: createdId, depends: [{ type: 'Normal', output: 'emulator_20000_root' }] }]);
    expect((await env.dwsync(['plan', '--refresh', '--detailed-exitcode'])).code).toBe(0);

    await env.repo.write(byId.file, nodeTaskYaml({ ...byId, schedule: { ...byId.schedule, cron: '00 30 04 * * ?' } }));
    const plan = json<PlanReport>((await env.dwsync(['plan', '--json'])).stdout);
    expect(plan.changes.find((c) => c.key === byId.key)).toMatchObject({ action: 'update', taskContentPatch: [], schedulePatch: [{ op: 'replace', path: '/cron', value: '00 30 04 * * ?' }] });
    expect((await env.dwsync(['apply'])).code).toBe(0);
    const last = accepted(await env.calls(), 'UpdateNode').filter((c) => specOf(c).spec.nodes[0].id === NODE_ID).at(-1)!;
    // Only the field that changed.
    expect(specOf(last).spec).toEqual({ nodes: [{ id: NODE_ID, trigger: { type: 'Scheduler', cron: '00 30 04 * * ?' } }] });

    // The console moves the cron: plan --refresh shows it under the schedule.
    const spec = JSON.parse((await heldNodes(env)).find((n) => n.id === NODE_ID)!.spec);
    spec.spec.nodes[0].trigger.cron = '00 00 05 * * ?';
    await fetch(`${env.emulator.url}/__emulator/nodes/${STUDIO}/${NODE_ID}`, { method: 'PUT', body: JSON.stringify({ spec: JSON.stringify(spec) }) });
    const drift = json<PlanReport>((await env.dwsync(['plan', '--refresh', '--json'])).stdout);
    expect(drift.changes.find((c) => c.key === byId.key)).toMatchObject({ drift: true, liveSchedulePatch: [{ op: 'replace', path: '/cron', value: '00 00 05 * * ?' }] });

    // Every FlowSpec the emulator received holds only fields of the FlowSpec classes.
    const specs = (await env.calls()).filter((c) => c.action === 'CreateNode' || c.action === 'UpdateNode').map((c) => c.parameters.Spec!);
    expect(specs.length).toBeGreaterThanOrEqual(4);
    expect(specs.flatMap(flowSpecDepartures)).toEqual([]);
  });

  it('a run whose record of a created node was lost finds the node by its path instead of creating it twice', async () => {
    const named = buildNamedTask({ projectId: STUDIO, name: 'ods_orders', folder: 'Workflow/ods', file: 'jobs/studio/ods_orders.yaml' });
    const env = await studio([named]);
    expect((await env.dwsync(['apply'])).code).toBe(0);
    await rm(path.join(env.repo.dir, '.dwsync'), { recursive: true, force: true });

    const again = await env.dwsync(['apply', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json<ApplyReport>(again.stdout).results[0]).toMatchObject({ outcome: 'applied', reason: 'adopted' });
    expect(accepted(await env.calls(), 'CreateNode')).toHaveLength(1);
    expect((await heldNodes(env)).filter((n) => nodeOf(n).script.path === 'Workflow/ods/ods_orders')).toHaveLength(1);
  });

  it('apply --prune deletes a node dwsync created once its file is gone (DeleteNode), and only that one; past --max-deletes, none', async () => {
    const named = buildNamedTask({ projectId: STUDIO, name: 'ods_orders', folder: 'Workflow/ods', file: 'jobs/studio/ods_orders.yaml' });
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml' });
    const env = await studio([named, byId]);
    const createdId = json<ApplyReport>((await env.dwsync(['apply', '--json'])).stdout).results.find((r) => r.key === named.key)!.nodeId!;
    await rm(path.join(env.repo.dir, named.file));

    // Past the cap nothing is called.
    const refused = await env.dwsync(['apply', '--prune', '--max-deletes', '0']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--prune would delete 1 task, more than --max-deletes 0');
    expect(accepted(await env.calls(), 'DeleteNode')).toEqual([]);

    const pruned = await env.dwsync(['apply', '--prune', '--json']);
    expect(pruned.code, pruned.stderr).toBe(0);
    const results = json<ApplyReport>(pruned.stdout).results;
    expect(results.filter((r) => r.outcome !== 'unchanged')).toEqual([expect.objectContaining({ key: named.key, outcome: 'deleted', nodeId: createdId })]);
    const deletes = accepted(await env.calls(), 'DeleteNode');
    expect(deletes.map((c) => c.parameters.Id)).toEqual([createdId]);
    expect((await heldNodes(env)).map((n) => n.id)).toEqual([NODE_ID]);
  });
});

describe('validate --remote on a workspace on the new Data Studio', () => {
  it('checks each dependsOn output against the outputs of the workspace\'s nodes and its root, at its line', async () => {
    const upstream = { id: '7000000000000000900', name: 'ods_orders', script: { path: 'Workflow/ods/ods_orders', language: 'di', runtime: { command: 'DI' }, content: '{}' }, outputs: { nodeOutputs: [{ data: 'emulator_20000.ods_orders_out' }] } };
    const byId = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/by_id.yaml', schedule: { dependsOn: ['emulator_20000_root', 'emulator_20000.ods_orders_out'] } });
    const env = await studio([byId], { nodes: [{ projectId: STUDIO, nodeId: NODE_ID }, { projectId: STUDIO, nodeId: upstream.id, name: 'ods_orders', spec: { version: '1.1.0', kind: 'Node', spec: { nodes: [upstream] } } }] });
    const valid = await env.dwsync(['validate', '--remote']);
    expect(valid.code, valid.stderr).toBe(0);

    await env.repo.write(byId.file, nodeTaskYaml({ ...byId, schedule: { dependsOn: ['emulator_20000_root', 'emulator_20000.ods_order_out'] } }));
    const invalid = await env.dwsync(['validate', '--remote']);
    expect(invalid.code).toBe(1);
    const line = (await readFile(path.join(env.repo.dir, byId.file), 'utf8')).split('\n').findIndex((l) => l.includes('ods_order_out')) + 1;
    expect(invalid.stderr).toContain(`jobs/studio/by_id.yaml:${line}:`);
    expect(invalid.stderr).toContain('error: schedule.dependsOn[1]: no node in workspace 20000 has the output "emulator_20000.ods_order_out" (did you mean "emulator_20000.ods_orders_out"?)');
  });
});

describe('the wrong API generation', () => {
  it('validate refuses a fileId on a 2024-05-18 workspace and a nodeId on a 2020-05-18 one, each at its file, before any call', async () => {
    const file = buildTask({ projectId: STUDIO, fileId: 1000001, file: 'jobs/file_on_studio.yaml' });
    const node = buildNodeTask({ projectId: 10000, nodeId: NODE_ID, file: 'jobs/node_on_legacy.yaml' });
    const env = await studio([file, node]);
    const result = await env.dwsync(['validate']);
    expect(result.code).toBe(1);
    // At the id that does not fit: the second line of each file.
    expect(result.stderr).toMatch(/jobs\/file_on_studio\.yaml:2:9: error: fileId names a file of the 2020-05-18 API, but workspace 20000 speaks 2024-05-18 \(workspaces\."20000"\.api in dwsync\.yaml\)/);
    expect(result.stderr).toMatch(/jobs\/node_on_legacy\.yaml:2:9: error: nodeId names a node of the 2024-05-18 API, but workspace 10000 speaks 2020-05-18/);
    expect(await env.calls()).toEqual([]);
  });

  it('a workspace left on 2020-05-18 that answers as a new Data Studio one: the error names the setting, and its other tasks are not tried', async () => {
    const tasks = [0, 1, 2].map((i) => buildTask({ projectId: STUDIO, fileId: 1000001 + i, file: `jobs/t${i}.yaml` }));
    const env = await studio(tasks, { config: 'concurrency: 1\n' });
    const applied = await env.dwsync(['apply', '--json']);
    expect(applied.code).not.toBe(0);
    const results = json<ApplyReport>(applied.stdout).results;
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error!.message).toContain('set workspaces."20000".api to "2024-05-18" in dwsync.yaml');
    expect(results.filter((r) => r.outcome === 'skipped').map((r) => r.reason)).toEqual([failed[0]!.error!.code, failed[0]!.error!.code]);
    expect((await env.calls()).filter((c) => c.action === 'UpdateDISyncTask')).toHaveLength(1);
  });
});
