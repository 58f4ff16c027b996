import { describe, expect, test } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { planTasks, toPlanReport } from '../../../src/core/plan/plan-tasks.js';
import { buildPlanView } from '../../../src/views/plan-view.js';
import { renderFieldDiff } from '../../../src/views/render-field-diff.js';
import { buildTask } from '../../support/build-task.js';

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
