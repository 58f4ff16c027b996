import { describe, expect, it } from 'vitest';

import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { compareKeys, planTasks, toPlanReport } from '../../../src/core/plan/plan-tasks.js';
import type { PlanInputRecord } from '../../../src/core/plan/plan-tasks.js';
import { renderPlanText } from '../../../src/views/render-plan-text.js';
import type { Task } from '../../../src/core/task/task.js';
import { buildNamedTask, buildNodeTask, buildTask } from '../../support/build-task.js';

const salt = 'test-salt';

function appliedRecord(task: Task, outcome = 'applied'): PlanInputRecord {
  return { file: task.file, applied: desiredConfig(task, salt), lastAttempt: { outcome } };
}

describe('planTasks', () => {
  it('plans a task with no record as new, with a patch from {}', () => {
    const report = toPlanReport(planTasks({ tasks: [buildTask()], records: {}, salt }));
    expect(report.summary).toEqual({ create: 0, update: 1, unchanged: 0, orphaned: 0 });
    const change = report.changes[0]!;
    expect(change).toMatchObject({ key: '10000/1000001', action: 'update', reason: 'new' });
    expect(change.taskContentPatch.map((op) => op.path).sort()).toEqual(['/order', '/setting', '/steps', '/type', '/version']);
    expect(change.taskParamPatch).toEqual(
      expect.arrayContaining([{ op: 'add', path: '/Cu', value: 2 }, { op: 'add', path: '/ResourceGroup', value: 'S_res_group_1_1' }]),
    );
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('finds nothing to do when only key order differs', () => {
    const task = buildTask();
    const reordered = buildTask({ taskContent: Object.fromEntries(Object.entries(task.taskContent).reverse()) });
    const report = toPlanReport(planTasks({ tasks: [reordered], records: { [task.key]: appliedRecord(task) }, salt }));
    expect(report.changes[0]).toMatchObject({ action: 'unchanged', taskContentPatch: [], taskParamPatch: [] });
    expect(report.changes[0]).not.toHaveProperty('reason');
  });

  it('gives exactly one patch for one edited value, and tells 2 from "2"', () => {
    const task = buildTask();
    const edited = buildTask({ taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: '2' } });
    const change = toPlanReport(planTasks({ tasks: [edited], records: { [task.key]: appliedRecord(task) }, salt })).changes[0]!;
    expect(change).toMatchObject({ action: 'update', reason: 'changed', taskContentPatch: [] });
    expect(change.taskParamPatch).toEqual([{ op: 'replace', path: '/Cu', value: '2' }]);
  });

  it('says a secret changed without showing it', () => {
    const task = buildTask();
    const content = structuredClone(task.taskContent) as { steps: Array<{ parameter: Record<string, unknown> }> };
    content.steps[0]!.parameter.password = 'new-password-value';
    const edited = buildTask({ taskContent: content as Task['taskContent'] });
    const planned = planTasks({ tasks: [edited], records: { [task.key]: appliedRecord(task) }, salt });
    const change = toPlanReport(planned).changes[0]!;
    expect(change.taskContentPatch).toEqual([{ op: 'replace', path: '/steps/0/parameter/password', value: '(sensitive)' }]);
    const text = renderPlanText(planned, { color: false });
    expect(text).toContain('! taskContent.steps[0].parameter.password: "(sensitive)" → "(sensitive)"');
    expect(text).not.toMatch(/hunter2|new-password-value|hmac/);
  });

  it('retries a task whose last attempt failed even when it equals the applied config', () => {
    const task = buildTask();
    const change = toPlanReport(planTasks({ tasks: [task], records: { [task.key]: appliedRecord(task, 'failed') }, salt })).changes[0]!;
    expect(change).toMatchObject({ action: 'update', reason: 'retry', taskContentPatch: [], taskParamPatch: [] });
  });

  it('reports orphans in scope, sorted numerically by key, never as updates', () => {
    const kept = buildTask({ fileId: 10 });
    const gone = buildTask({ fileId: 9, file: 'jobs/old/gone.yaml' });
    const outOfScope = buildTask({ fileId: 8, file: 'other/x.yaml' });
    const records = { [gone.key]: appliedRecord(gone), [outOfScope.key]: appliedRecord(outOfScope) };
    const report = toPlanReport(planTasks({ tasks: [kept], records, salt, inScope: (file) => file.startsWith('jobs/') }));
    expect(report.changes.map((c) => [c.key, c.action])).toEqual([
      ['10000/9', 'orphaned'],
      ['10000/10', 'update'],
    ]);
    expect(report.summary).toEqual({ create: 0, update: 1, unchanged: 0, orphaned: 1 });
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const tasks = [buildTask({ fileId: 3 }), buildTask({ fileId: 1 }), buildTask({ fileId: 2 })];
    const once = JSON.stringify(toPlanReport(planTasks({ tasks, records: {}, salt })));
    const twice = JSON.stringify(toPlanReport(planTasks({ tasks: [...tasks].reverse(), records: {}, salt })));
    expect(once).toBe(twice);
  });

  it('orders keys by number, named keys after the file ids of their project', () => {
    const keys = ['10000/10', '10000/b/x', '9/1', '10000/a/y', '10000/9', '9/f/z'];
    expect(keys.sort(compareKeys)).toEqual(['9/1', '9/f/z', '10000/9', '10000/10', '10000/a/y', '10000/b/x']);
  });
});

describe('named tasks and --prune', () => {
  const named = (over: Parameters<typeof buildNamedTask>[0] = {}): Task => buildNamedTask({ folder: 'Business Flow/ods', ...over });

  it('plans a named task the state does not know as create, with the whole config as the patch', () => {
    const report = toPlanReport(planTasks({ tasks: [named()], records: {}, salt }));
    expect(report.summary).toEqual({ create: 1, update: 0, unchanged: 0, orphaned: 0 });
    expect(report.changes[0]).toMatchObject({ key: '10000/Business Flow/ods/ods_users', action: 'create' });
    expect(report.changes[0]!.taskParamPatch).toContainEqual({ op: 'add', path: '/Cu', value: 2 });
  });

  it('uses the fileId the state learned: unchanged once applied, an update when it changed', () => {
    const task = named();
    const record = { ...appliedRecord(task), fileId: 5000001 };
    const planned = planTasks({ tasks: [task], records: { [task.key]: record }, salt });
    expect(planned[0]).toMatchObject({ action: 'unchanged', fileId: 5000001 });
    const edited = named({ taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 4 } });
    expect(planTasks({ tasks: [edited], records: { [task.key]: record }, salt })[0]).toMatchObject({ action: 'update', reason: 'changed', fileId: 5000001 });
    // Found but never applied (the update after adopting it failed): an update, not a second create.
    const adopted = { file: task.file, fileId: 5000002, applied: null, lastAttempt: { outcome: 'failed' } };
    expect(planTasks({ tasks: [task], records: { [task.key]: adopted }, salt })[0]).toMatchObject({ action: 'update', reason: 'retry', fileId: 5000002 });
  });

  it('--prune plans the deletion of orphans dwsync created or applied, and only of those', () => {
    const applied = buildTask({ fileId: 7 });
    const created = named({ name: 'gone' });
    const neverApplied = buildTask({ fileId: 8 });
    const records = {
      [applied.key]: appliedRecord(applied),
      [created.key]: { ...appliedRecord(created), fileId: 5000003 },
      [neverApplied.key]: { file: neverApplied.file, applied: null, lastAttempt: { outcome: 'failed' } },
    };
    const without = toPlanReport(planTasks({ tasks: [], records, salt }));
    expect(without.changes.map((c) => c.action)).toEqual(['orphaned', 'orphaned', 'orphaned']);
    expect(without.summary).not.toHaveProperty('delete');
    const planned = planTasks({ tasks: [], records, salt, prune: true });
    expect(planned.map((c) => [c.key, c.action, c.fileId])).toEqual([
      ['10000/7', 'delete', 7],
      ['10000/8', 'orphaned', 8],
      ['10000/Business Flow/ods/gone', 'delete', 5000003],
    ]);
    expect(toPlanReport(planned, { prune: true }).summary).toEqual({ create: 0, update: 0, unchanged: 0, orphaned: 1, delete: 2 });
    expect(renderPlanText(planned, { color: false, prune: true })).toContain('Plan: 0 to update, 0 unchanged, 1 orphaned, 2 to delete.');
  });
});

describe('masking in new tasks', () => {
  it('masks a secret nested inside an added object, never showing its hash', () => {
    const report = toPlanReport(planTasks({ tasks: [buildTask()], records: {}, salt }));
    const steps = report.changes[0]!.taskContentPatch.find((op) => op.path === '/steps') as { value: Array<{ parameter: { password: string } }> };
    expect(steps.value[0]!.parameter.password).toBe('(sensitive)');
    expect(JSON.stringify(report)).not.toMatch(/hunter2|hmac/);
  });

  it('marks an unchanged task to deploy whose last applied config never reached production as undeployed', () => {
    const task = buildTask();
    const record = (stage: string): PlanInputRecord => ({ ...appliedRecord(task), deploy: { stage } });
    const plan = (deploy: boolean, stage: string | null) =>
      planTasks({ tasks: [task], records: { [task.key]: stage === null ? appliedRecord(task) : record(stage) }, salt, deploy })[0]!;
    expect(plan(true, 'submitted')).toMatchObject({ action: 'unchanged', undeployed: true });
    expect(plan(true, null)).toMatchObject({ undeployed: true });
    expect(plan(true, 'deployed')).not.toHaveProperty('undeployed');
    expect(plan(true, 'not-needed')).not.toHaveProperty('undeployed');
    expect(plan(false, 'submitted')).not.toHaveProperty('undeployed');
  });

  it('takes deploy from the task file first, then from the repository default', () => {
    const task = buildTask();
    expect(planTasks({ tasks: [{ ...task, deploy: false }], records: {}, salt, deploy: true })[0]!.deploy).toBe(false);
    expect(planTasks({ tasks: [{ ...task, deploy: true }], records: {}, salt, deploy: false })[0]!.deploy).toBe(true);
    expect(planTasks({ tasks: [task], records: {}, salt, deploy: true })[0]!.deploy).toBe(true);
    expect(planTasks({ tasks: [task], records: {}, salt })[0]!.deploy).toBe(false);
  });

  it('keeps as orphaned, even with prune, an owned named task whose file was never learned', () => {
    const task = buildNamedTask();
    const [entry] = planTasks({ tasks: [], records: { [task.key]: appliedRecord(task) }, salt, prune: true });
    expect(entry).toMatchObject({ key: task.key, action: 'orphaned', fileId: null });
  });
});

describe('planTasks on a 2024-05-18 workspace', () => {
  const apiOf = (projectId: number) => (projectId === 20000 ? ('2024-05-18' as const) : ('2020-05-18' as const));

  it('says which API each task goes through and keeps a node id as text', () => {
    const node = buildNodeTask();
    const planned = planTasks({ tasks: [buildTask(), node], records: {}, salt, apiOf });
    expect(planned.map((p) => [p.key, p.api, p.fileId, p.nodeId])).toEqual([
      ['10000/1000001', '2020-05-18', 1000001, null],
      ['20000/7000123456789012345', '2024-05-18', null, '7000123456789012345'],
    ]);
    expect(toPlanReport(planned).changes.map((c) => c.api)).toEqual(['2020-05-18', '2024-05-18']);
  });

  it('plans a named task whose node the state learned as an update of that node', () => {
    const named = buildNamedTask({ projectId: 20000 });
    const records = { [named.key]: { ...appliedRecord(named), nodeId: '42' } };
    const [entry] = planTasks({ tasks: [named], records, salt, apiOf });
    expect(entry).toMatchObject({ action: 'unchanged', nodeId: '42', fileId: null });
  });

  it('deletes an orphaned node with --prune, its id from the key', () => {
    const node = buildNodeTask();
    const [entry] = planTasks({ tasks: [], records: { [node.key]: appliedRecord(node) }, salt, prune: true, apiOf });
    expect(entry).toMatchObject({ action: 'delete', api: '2024-05-18', nodeId: '7000123456789012345', fileId: null });
  });
});

describe('compareKeys with node ids', () => {
  it('orders ids by their digits, exactly, past what a number holds', () => {
    const keys = ['1/7000123456789012346', '1/7000123456789012345', '1/99', '1/a/b'];
    expect([...keys].sort(compareKeys)).toEqual(['1/99', '1/7000123456789012345', '1/7000123456789012346', '1/a/b']);
  });
});

describe('planTasks, defaults and what it keeps', () => {
  it('plans on the 2020-05-18 API when no workspace generation is given', () => {
    const [entry] = planTasks({ tasks: [buildTask()], records: {}, salt });
    expect(entry!.api).toBe('2020-05-18');
  });

  it('gives an orphan no patches, no task, no desired config and no deploy', () => {
    const task = buildTask({ fileId: 9 });
    const [entry] = planTasks({ tasks: [], records: { [task.key]: appliedRecord(task) }, salt, deploy: true });
    expect(entry).toMatchObject({ action: 'orphaned', taskContentPatch: [], taskParamPatch: [], task: null, desired: null, deploy: false });
  });

  it('keeps the last applied config itself as the desired one of an unchanged task', () => {
    const task = buildTask();
    const record = appliedRecord(task);
    const [entry] = planTasks({ tasks: [task], records: { [task.key]: record }, salt });
    expect(entry!.action).toBe('unchanged');
    expect(entry!.desired).toBe(record.applied);
  });

  it('reads a record without a last attempt (an imported task) as applied', () => {
    const task = buildTask();
    const [entry] = planTasks({ tasks: [task], records: { [task.key]: { ...appliedRecord(task), lastAttempt: null } }, salt });
    expect(entry!.action).toBe('unchanged');
  });

  it('plans a named task on the new Data Studio without a record as a create, with no node yet', () => {
    const task = buildNamedTask({ projectId: 20000 });
    const [entry] = planTasks({ tasks: [task], records: {}, salt, apiOf: () => '2024-05-18' });
    expect(entry).toMatchObject({ action: 'create', fileId: null, nodeId: null });
  });

  it('gives a named orphan on the new Data Studio the node its record learned, or none', () => {
    const task = buildNamedTask({ projectId: 20000 });
    const plan = (record: PlanInputRecord) => planTasks({ tasks: [], records: { [task.key]: record }, salt, apiOf: () => '2024-05-18' })[0]!;
    expect(plan({ ...appliedRecord(task), nodeId: '77' })).toMatchObject({ fileId: null, nodeId: '77' });
    expect(plan(appliedRecord(task))).toMatchObject({ fileId: null, nodeId: null });
  });
});

describe('compareKeys', () => {
  it('sorts by workspace, then ids as numbers, then named keys after the ids', () => {
    expect(['10000/a/b', '10000/10', '9/1', '10000/9', '10000/9/x'].sort(compareKeys)).toEqual(['9/1', '10000/9', '10000/10', '10000/9/x', '10000/a/b']);
  });
});

describe('toPlanReport with --prune', () => {
  it('counts deletions, none included', () => {
    expect(toPlanReport([], { prune: true }).summary).toEqual({ create: 0, update: 0, unchanged: 0, orphaned: 0, delete: 0 });
  });
});
