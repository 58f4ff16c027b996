import { describe, expect, it } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { nodeCreateSpec, nodeDependencies, nodeUpdateSpec } from '../../../src/core/flowspec/node-requests.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';
import type { Task } from '../../../src/core/task/task.js';
import { buildNamedTask, buildNodeTask } from '../../support/build-task.js';

const salt = 's';

function planned(task: Task, previous: Task | null, drift = false): PlannedTask {
  return {
    key: task.key,
    file: task.file,
    action: 'update',
    api: '2024-05-18',
    taskContentPatch: [],
    taskParamPatch: [],
    task,
    fileId: null,
    nodeId: task.nodeId ?? null,
    desired: desiredConfig(task, salt),
    lastApplied: previous ? desiredConfig(previous, salt) : null,
    deploy: false,
    ...(drift ? { drift } : {}),
  };
}

const nodeOf = (spec: string) => JSON.parse(spec).spec.nodes[0];

describe('nodeCreateSpec', () => {
  it('puts taskContent in script.content exactly as written and taskParam in runtimeResource', () => {
    const task = buildNamedTask({ projectId: 20000, name: 'ods_users', folder: 'Workflow/ods' }) as Task & { name: string; folder: string };
    const node = nodeOf(nodeCreateSpec(task));
    expect(node.script.content).toBe(JSON.stringify(task.taskContent));
    expect(node.script.path).toBe('Workflow/ods/ods_users');
    expect(node.runtimeResource).toEqual({ resourceGroup: 'S_res_group_1_1', cu: '2' });
  });

  it('puts the schedule in the node (parameters beside the content), its dependencies in a later UpdateNode of the new id', () => {
    const schedule = { cron: '00 30 02 * * ?', rerun: { mode: 'failure-allowed' as const, times: 2, intervalSeconds: 180 }, parameters: 'bizdate=$bizdate', dependsOn: ['proj_root'], paused: true };
    const task = buildNamedTask({ projectId: 20000, name: 'ods_users', folder: 'Workflow/ods', schedule }) as Task & { name: string; folder: string };
    const spec = JSON.parse(nodeCreateSpec(task));
    const node = spec.spec.nodes[0];
    expect(node).toMatchObject({
      trigger: { type: 'Scheduler', cron: '00 30 02 * * ?' },
      rerunMode: 'FailureAllowed',
      rerunTimes: 2,
      rerunInterval: 180000,
      recurrence: 'Pause',
      script: { path: 'Workflow/ods/ods_users', content: JSON.stringify(task.taskContent), parameters: [{ name: 'bizdate', scope: 'NodeParameter', type: 'System', value: '$bizdate' }] },
    });
    expect(spec.spec.flow).toBeUndefined();
    expect(JSON.parse(nodeDependencies(task, '88')!).spec).toEqual({ nodes: [{ id: '88' }], flow: [{ nodeId: '88', depends: [{ type: 'Normal', output: 'proj_root' }] }] });
    expect(nodeDependencies(buildNamedTask({ schedule: { cron: '00 00 01 * * ?' } }), '88')).toBeNull();
  });
});

describe('nodeUpdateSpec', () => {
  const before = buildNodeTask();

  it('sends only the content when only the content changed', () => {
    const after = buildNodeTask({ taskContent: { ...before.taskContent, setting: { speed: { concurrent: 4 } } } });
    expect(nodeOf(nodeUpdateSpec(planned(after, before), '7'))).toEqual({ id: '7', script: { content: JSON.stringify(after.taskContent) } });
  });

  it('sends only the resource group (and CU) when only taskParam changed', () => {
    const after = buildNodeTask({ taskParam: { ResourceGroup: 'S_other', Cu: 4 } });
    expect(nodeOf(nodeUpdateSpec(planned(after, before), '7'))).toEqual({ id: '7', runtimeResource: { resourceGroup: 'S_other', cu: '4' } });
  });

  it('sends everything for a first apply, a retry with nothing changed, and an overwrite of drift', () => {
    for (const entry of [planned(before, null), planned(before, before), planned(before, before, true)]) {
      expect(Object.keys(nodeOf(nodeUpdateSpec(entry, '7'))).sort()).toEqual(['id', 'runtimeResource', 'script']);
    }
    // A retry of a scheduled task with nothing changed: the content and the resource group, not the unchanged schedule.
    const scheduled = buildNodeTask({ schedule: { cron: '00 00 03 * * ?' } });
    expect(Object.keys(nodeOf(nodeUpdateSpec(planned(scheduled, scheduled), '7'))).sort()).toEqual(['id', 'runtimeResource', 'script']);
  });

  it('sends only the schedule fields that changed when only the schedule changed, and the schedule with the content on a first apply', () => {
    const scheduled = buildNodeTask({ schedule: { cron: '00 00 03 * * ?', dependsOn: ['proj_root'], rerun: { mode: 'all-denied', times: 1 } } });
    const withOld = buildNodeTask({ schedule: { cron: '00 00 01 * * ?', dependsOn: ['proj_root'], rerun: { mode: 'all-denied', times: 3 } } });
    const only = JSON.parse(nodeUpdateSpec(planned(scheduled, withOld), '7'));
    expect(only.spec.nodes[0]).toEqual({ id: '7', trigger: { type: 'Scheduler', cron: '00 00 03 * * ?' }, rerunTimes: 1 });
    expect(only.spec.flow).toBeUndefined();
    const moved = buildNodeTask({ schedule: { ...withOld.schedule, dependsOn: ['proj_other'] } });
    expect(JSON.parse(nodeUpdateSpec(planned(moved, withOld), '7')).spec.flow).toEqual([{ nodeId: '7', depends: [{ type: 'Normal', output: 'proj_other' }] }]);
    // paused and skipped are one field, recurrence: a change of either sends it from both.
    const paused = buildNodeTask({ schedule: { paused: true, skipped: false } });
    const running = buildNodeTask({ schedule: { paused: false, skipped: false } });
    expect(nodeOf(nodeUpdateSpec(planned(paused, running), '7'))).toEqual({ id: '7', recurrence: 'Pause' });
    // A dry-run node that was also paused (a node read back can be both) and is now only unpaused: only
    // `paused` changed, yet what is sent must say it stays a dry run.
    const pausedDryRun = buildNodeTask({ schedule: { paused: true, skipped: true } });
    const dryRun = buildNodeTask({ schedule: { paused: false, skipped: true } });
    expect(nodeOf(nodeUpdateSpec(planned(dryRun, pausedDryRun), '7'))).toEqual({ id: '7', recurrence: 'Skip' });
    // Likewise, only `skipped` changed on a node that stays paused: it must stay paused.
    const pausedOnly = buildNodeTask({ schedule: { paused: true, skipped: false } });
    expect(nodeOf(nodeUpdateSpec(planned(pausedOnly, pausedDryRun), '7'))).toEqual({ id: '7', recurrence: 'Pause' });
    // Neither changed: no recurrence, however they are set.
    const pausedAt1 = buildNodeTask({ schedule: { cron: '00 00 01 * * ?', paused: true, skipped: false } });
    const pausedAt3 = buildNodeTask({ schedule: { cron: '00 00 03 * * ?', paused: true, skipped: false } });
    expect(nodeOf(nodeUpdateSpec(planned(pausedAt3, pausedAt1), '7'))).toEqual({ id: '7', trigger: { type: 'Scheduler', cron: '00 00 03 * * ?' } });
    const first = nodeOf(nodeUpdateSpec(planned(scheduled, null), '7'));
    expect(Object.keys(first).sort()).toEqual(['id', 'rerunMode', 'rerunTimes', 'runtimeResource', 'script', 'trigger']);
    // The schedule unchanged: not sent with a content change.
    const content = buildNodeTask({ ...withOld, taskContent: { ...withOld.taskContent, setting: {} } });
    expect(Object.keys(nodeOf(nodeUpdateSpec(planned(content, withOld), '7')))).toEqual(['id', 'script']);
  });
});

describe('nodeUpdateSpec, the schedule with other changes', () => {
  const old = buildNodeTask({ schedule: { cron: '00 00 01 * * ?' } });
  const newCron = { cron: '00 00 03 * * ?' };

  it('sends the content and the schedule when both changed', () => {
    const after = buildNodeTask({ schedule: newCron, taskContent: { ...old.taskContent, setting: {} } });
    expect(nodeOf(nodeUpdateSpec(planned(after, old), '7'))).toEqual({ id: '7', script: { content: JSON.stringify(after.taskContent) }, trigger: { type: 'Scheduler', ...newCron } });
  });

  it('sends the resource group and the schedule when both changed', () => {
    const after = buildNodeTask({ schedule: newCron, taskParam: { ResourceGroup: 'S_other' } });
    expect(nodeOf(nodeUpdateSpec(planned(after, old), '7'))).toEqual({ id: '7', runtimeResource: { resourceGroup: 'S_other' }, trigger: { type: 'Scheduler', ...newCron } });
  });

  it('sends everything, the unchanged schedule included, when it overwrites drift', () => {
    const node = nodeOf(nodeUpdateSpec(planned(old, old, true), '7'));
    expect(Object.keys(node).sort()).toEqual(['id', 'runtimeResource', 'script', 'trigger']);
  });

  it('sends no dependencies for a schedule without dependsOn', () => {
    const spec = JSON.parse(nodeUpdateSpec(planned(buildNodeTask({ schedule: newCron }), old), '7'));
    expect('dependencies' in spec.spec).toBe(false);
  });
});

describe('nodeDependencies, a task without a schedule', () => {
  it('needs no dependencies', () => {
    expect(nodeDependencies(buildNodeTask(), '88')).toBeNull();
  });
});
