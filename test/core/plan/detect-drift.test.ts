import { describe, expect, it } from 'vitest';

import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { detectDrift } from '../../../src/core/plan/detect-drift.js';
import { planTasks } from '../../../src/core/plan/plan-tasks.js';
import { buildTask } from '../../support/build-task.js';

const salt = 'test-salt';

function plannedApplied() {
  const task = buildTask();
  const planned = planTasks({ tasks: [task], records: { [task.key]: { file: task.file, applied: desiredConfig(task, salt), lastAttempt: { outcome: 'applied' } } }, salt });
  return { task, planned };
}

describe('detectDrift', () => {
  it('leaves the keys the service keeps in Content (extend, ...) out of the comparison', () => {
    const { task, planned } = plannedApplied();
    const live = { ...task.taskContent, extend: { mode: 'wizard', resourceGroup: String(task.taskParam.ResourceGroup) }, gui: {} };
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false, taskContent: live, resourceGroup: String(task.taskParam.ResourceGroup) }]]), salt);
    expect(entry).toMatchObject({ drift: false });
  });

  it('sees a DI group changed in the console through extend.resourceGroup, and a content edit', () => {
    const { task, planned } = plannedApplied();
    const live = { ...task.taskContent, setting: { speed: { concurrent: 9 } } };
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false, taskContent: live, resourceGroup: 'S_other' }]]), salt);
    expect(entry).toMatchObject({ drift: true, liveParamPatch: [{ op: 'replace', path: '/ResourceGroup', value: 'S_other' }] });
    expect(entry!.liveContentPatch).toContainEqual({ op: 'replace', path: '/setting/speed/concurrent', value: 9 });
  });

  it('sees drift on the resource group alone, with no content patch', () => {
    const { task, planned } = plannedApplied();
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false, taskContent: task.taskContent, resourceGroup: 'S_other' }]]), salt);
    expect(entry).toMatchObject({ drift: true, liveContentPatch: [], liveParamPatch: [{ op: 'replace', path: '/ResourceGroup', value: 'S_other' }] });
  });

  it('sees drift on the content alone, with no resource group patch', () => {
    const { task, planned } = plannedApplied();
    const live = { ...task.taskContent, setting: { speed: { concurrent: 9 } } };
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false, taskContent: live, resourceGroup: String(task.taskParam.ResourceGroup) }]]), salt);
    expect(entry).toMatchObject({ drift: true, liveParamPatch: [] });
  });

  it('sees no drift when GetFile did not say the resource group', () => {
    const { task, planned } = plannedApplied();
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false, taskContent: task.taskContent, resourceGroup: null }]]), salt);
    expect(entry).toMatchObject({ drift: false });
  });

  it('marks a task deleted in the console as missing', () => {
    const { task, planned } = plannedApplied();
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: true }]]), salt);
    expect(entry).toEqual({ ...planned[0], live: 'missing' });
  });

  it('leaves alone a task that was not read, one never applied, and an orphan', () => {
    const { task, planned } = plannedApplied();
    const changed = { missing: false as const, taskContent: {}, resourceGroup: 'S_other' };
    expect(detectDrift(planned, new Map(), salt)).toEqual(planned);
    const neverApplied = planTasks({ tasks: [task], records: {}, salt });
    expect(detectDrift(neverApplied, new Map([[task.key, changed]]), salt)).toEqual(neverApplied);
    const orphaned = planTasks({ tasks: [], records: { [task.key]: { file: task.file, applied: desiredConfig(task, salt), lastAttempt: { outcome: 'applied' } } }, salt });
    expect(orphaned[0]?.action).toBe('orphaned');
    expect(detectDrift(orphaned, new Map([[task.key, changed]]), salt)).toEqual(orphaned);
  });
});

describe('detectDrift, the schedule and a config without a group', () => {
  function plannedWith(schedule: Record<string, unknown> | undefined, taskParam?: Record<string, unknown>) {
    const task = buildTask({ ...(schedule ? { schedule } : {}), ...(taskParam ? { taskParam } : {}) } as never);
    const planned = planTasks({ tasks: [task], records: { [task.key]: { file: task.file, applied: desiredConfig(task, salt), lastAttempt: { outcome: 'applied' } } }, salt });
    return { task, planned };
  }

  it('sees a schedule changed in the console, as a patch from the applied one', () => {
    const { task, planned } = plannedWith({ cron: '00 00 01 * * ?' });
    const live = { missing: false as const, taskContent: task.taskContent, resourceGroup: null, schedule: { cron: '00 30 02 * * ?', paused: false } };
    const [entry] = detectDrift(planned, new Map([[task.key, live]]), salt);
    expect(entry).toMatchObject({ drift: true, liveContentPatch: [], liveParamPatch: [], liveSchedulePatch: [{ op: 'replace', path: '/cron', value: '00 30 02 * * ?' }] });
  });

  it('sees no drift in a live schedule that agrees on the applied keys', () => {
    const { task, planned } = plannedWith({ cron: '00 00 01 * * ?' });
    const live = { missing: false as const, taskContent: task.taskContent, resourceGroup: null, schedule: { cron: '00 00 01 * * ?', paused: true } };
    const [entry] = detectDrift(planned, new Map([[task.key, live]]), salt);
    expect(entry).toMatchObject({ drift: false });
    expect('liveSchedulePatch' in entry!).toBe(false);
  });

  it('sees no group drift against an applied config that names no group', () => {
    const { task, planned } = plannedWith(undefined, { Cu: 2 });
    const [entry] = detectDrift(planned, new Map([[task.key, { missing: false as const, taskContent: task.taskContent, resourceGroup: 'S_other' }]]), salt);
    expect(entry).toMatchObject({ drift: false });
  });
});
