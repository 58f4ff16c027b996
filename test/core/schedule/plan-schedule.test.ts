import { describe, expect, test } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { planTasks, toPlanReport } from '../../../src/core/plan/plan-tasks.js';
import { buildPlanView } from '../../../src/views/plan-view.js';
import { renderFieldDiff } from '../../../src/views/render-field-diff.js';
import { buildTask } from '../../support/build-task.js';
import { lazyJsonText } from '../../../src/core/text/define-lazy.js';
import { diffLiveSchedule, keepAppliedSchedule, onlyScheduleChanged, planSchedulePatch, scheduleChanged } from '../../../src/core/schedule/plan-schedule.js';

const salt = 'ab';

function recordOf(task: ReturnType<typeof buildTask>) {
  const d = desiredConfig(task, salt);
  return { file: task.file, applied: { ...d, appliedAt: 't', commit: null, requestId: 'r' }, lastAttempt: { outcome: 'applied' } };
}

describe('the schedule in a plan', () => {
  test('a task without schedule plans as before: no schedulePatch, nothing compared', () => {
    const task = buildTask();
    const [entry] = planTasks({ tasks: [task], records: { [task.key]: recordOf(task) }, salt });
    expect(entry!.action).toBe('unchanged');
    expect('schedulePatch' in entry!).toBe(false);
  });

  test('a changed cron is an update whose schedulePatch and views show the field, old → new', () => {
    const before = buildTask({ schedule: { cron: '00 00 01 * * ?', rerun: { mode: 'all-allowed' } } });
    const after = buildTask({ schedule: { cron: '00 30 02 * * ?', rerun: { mode: 'all-allowed' } } });
    const planned = planTasks({ tasks: [after], records: { [after.key]: recordOf(before) }, salt });
    expect(planned[0]!.action).toBe('update');
    expect(planned[0]!.taskContentPatch).toEqual([]);
    const report = toPlanReport(planned);
    expect(report.changes[0]!.schedulePatch).toEqual([{ op: 'replace', path: '/cron', value: '00 30 02 * * ?' }]);
    const section = buildPlanView(planned).entries[0]!.sections.find((s) => s.title === 'schedule')!;
    expect(renderFieldDiff(section)).toEqual(['! schedule.cron: "00 00 01 * * ?" → "00 30 02 * * ?"']);
  });

  test('a schedule added to an applied task is an update from no schedule; an unchanged one is empty', () => {
    const plain = buildTask();
    const scheduled = buildTask({ schedule: { paused: true } });
    const [added] = planTasks({ tasks: [scheduled], records: { [plain.key]: recordOf(plain) }, salt });
    expect(added!.action).toBe('update');
    expect(added!.schedulePatch).toEqual([{ op: 'add', path: '/paused', value: true }]);
    const [same] = planTasks({ tasks: [scheduled], records: { [plain.key]: recordOf(scheduled) }, salt });
    expect(same!.action).toBe('unchanged');
    expect(same!.schedulePatch).toEqual([]);
  });

  test('key order in the task file never makes a change', () => {
    const a = buildTask({ schedule: { paused: false, cron: '00 00 01 * * ?', rerun: { times: 3, mode: 'all-denied' } } });
    const b = buildTask({ schedule: { cron: '00 00 01 * * ?', rerun: { mode: 'all-denied', times: 3 }, paused: false } });
    expect(desiredConfig(a, salt).scheduleHash).toBe(desiredConfig(b, salt).scheduleHash);
  });
});

describe('keepAppliedSchedule', () => {
  test('the content is the desired one, the schedule the last applied one (or none)', async () => {
    const { keepAppliedSchedule } = await import('../../../src/core/schedule/plan-schedule.js');
    const desired = desiredConfig(buildTask({ schedule: { paused: true } }), salt);
    const applied = desiredConfig(buildTask({ schedule: { paused: false } }), salt);
    expect(keepAppliedSchedule(desired, applied)).toEqual({ ...desired, schedule: applied.schedule, scheduleHash: applied.scheduleHash });
    expect('schedule' in keepAppliedSchedule(desired, null)).toBe(false);
  });

  test('keeps the configs as the JSON text they were, unparsed', () => {
    const desired = desiredConfig(buildTask({ schedule: { paused: true } }), salt);
    const kept = keepAppliedSchedule(desired, null);
    expect(lazyJsonText(kept, 'taskContent')).toBe(lazyJsonText(desired, 'taskContent'));
    expect(lazyJsonText(kept, 'taskParam')).toBe(lazyJsonText(desired, 'taskParam'));
    expect(lazyJsonText(kept, 'taskContent')).toBeDefined();
  });
});

describe('diffLiveSchedule', () => {
  test('compares only the keys the applied schedule manages, never the resource group', async () => {
    const { diffLiveSchedule } = await import('../../../src/core/schedule/plan-schedule.js');
    const live = { cron: '00 00 05 * * ?', rerun: { mode: 'all-allowed', times: 3 }, paused: true, dependsOn: ['b', 'a'] };
    expect(diffLiveSchedule({ cron: '00 30 01 * * ?', resourceGroup: 'S', dependsOn: ['a', 'b'] }, live)).toEqual([
      { op: 'replace', path: '/cron', value: '00 00 05 * * ?' },
    ]);
    expect(diffLiveSchedule({ rerun: { times: 3 } }, live)).toEqual([]);
    expect(diffLiveSchedule(undefined, live)).toEqual([]);
  });
});

describe('scheduleChanged', () => {
  test('a task file without a schedule never differs, even from an applied schedule', () => {
    expect(scheduleChanged({ schedule: { paused: true }, scheduleHash: 'h1' }, {})).toBe(false);
  });

  test('a schedule differs from none and from another hash, not from the same', () => {
    expect(scheduleChanged({}, { schedule: { paused: true }, scheduleHash: 'h1' })).toBe(true);
    expect(scheduleChanged({ scheduleHash: 'h0' }, { scheduleHash: 'h1' })).toBe(true);
    expect(scheduleChanged({ scheduleHash: 'h1' }, { scheduleHash: 'h1' })).toBe(false);
  });
});

describe('planSchedulePatch', () => {
  test('patches from no schedule when nothing was applied before', () => {
    expect(planSchedulePatch(null, { schedule: { paused: true } }, true)).toEqual({ schedulePatch: [{ op: 'add', path: '/paused', value: true }] });
    expect(planSchedulePatch({}, { schedule: { paused: true } }, true)).toEqual({ schedulePatch: [{ op: 'add', path: '/paused', value: true }] });
  });

  test('is empty when apply changes nothing, and absent for a task file without a schedule', () => {
    expect(planSchedulePatch({ schedule: { paused: false } }, { schedule: { paused: true } }, false)).toEqual({ schedulePatch: [] });
    expect(planSchedulePatch({ schedule: { paused: false } }, {}, true)).toEqual({});
  });
});

describe('keepAppliedSchedule, an applied schedule without its hash', () => {
  test('is not kept: the record then says no schedule was applied', () => {
    const desired = { taskContentHash: 'c', schedule: { paused: true }, scheduleHash: 'h1' };
    expect(keepAppliedSchedule(desired, { schedule: { paused: false } })).toEqual({ taskContentHash: 'c' });
    expect(keepAppliedSchedule(desired, { scheduleHash: 'h0' })).toEqual({ taskContentHash: 'c' });
  });
});

describe('onlyScheduleChanged', () => {
  const applied = { taskContentHash: 'c', taskParamHash: 'p', schedule: { paused: false }, scheduleHash: 'h0' };
  const desired = { ...applied, schedule: { paused: true }, scheduleHash: 'h1' };

  test('is true for an update whose content and TaskParam are the applied ones and whose schedule is not', () => {
    expect(onlyScheduleChanged({ desired, lastApplied: applied })).toBe(true);
    expect(onlyScheduleChanged({ desired, lastApplied: applied, drift: false })).toBe(true);
  });

  test('is false when the content, the TaskParam or nothing changed along with it', () => {
    expect(onlyScheduleChanged({ desired: { ...desired, taskContentHash: 'c2' }, lastApplied: applied })).toBe(false);
    expect(onlyScheduleChanged({ desired: { ...desired, taskParamHash: 'p2' }, lastApplied: applied })).toBe(false);
    expect(onlyScheduleChanged({ desired: applied, lastApplied: applied })).toBe(false);
  });

  test('is false for a drifted task, a new one or a deleted one', () => {
    expect(onlyScheduleChanged({ desired, lastApplied: applied, drift: true })).toBe(false);
    expect(onlyScheduleChanged({ desired, lastApplied: null })).toBe(false);
    expect(onlyScheduleChanged({ desired: null, lastApplied: applied })).toBe(false);
  });
});

describe('diffLiveSchedule without a live schedule', () => {
  test('finds no drift when the live schedule is unknown', () => {
    expect(diffLiveSchedule({ paused: true }, undefined)).toEqual([]);
  });
});
