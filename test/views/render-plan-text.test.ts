import { describe, expect, it } from 'vitest';

import { desiredConfig } from '../../src/core/plan/desired-config.js';
import { planTasks } from '../../src/core/plan/plan-tasks.js';
import type { PlannedTask, PlanInputRecord } from '../../src/core/plan/plan-tasks.js';
import type { Task } from '../../src/core/task/task.js';
import { buildPlanView } from '../../src/views/plan-view.js';
import { renderFieldDiff } from '../../src/views/render-field-diff.js';
import { renderPlanStepLine, renderPlanText } from '../../src/views/render-plan-text.js';
import { buildChange } from '../support/build-reports.js';
import { buildTask } from '../support/build-task.js';

const salt = 'test-salt';

function appliedRecord(task: Task, outcome = 'applied'): PlanInputRecord {
  return { file: task.file, applied: desiredConfig(task, salt), lastAttempt: { outcome } };
}

describe('renderPlanText', () => {
  it('shows old and new values and the summary, without colour when asked', () => {
    const task = buildTask();
    const content = structuredClone(task.taskContent) as { setting: { speed: { concurrent: number } } };
    content.setting.speed.concurrent = 4;
    const planned = planTasks({ tasks: [buildTask({ taskContent: content as Task['taskContent'] })], records: { [task.key]: appliedRecord(task) }, salt });
    const text = renderPlanText(planned, { color: false });
    expect(text).toBe(
      [
        '~ 10000/1000001  jobs/ods/task_1000001.yaml  (changed)',
        '    taskContent',
        '      ! taskContent.setting.speed.concurrent: 2 → 4',
        'Plan: 1 to update, 0 unchanged, 0 orphaned.',
        '',
      ].join('\n'),
    );
    expect(renderPlanText(planned, { color: true })).toContain('\u001b[33m');
  });

  it('says so when there is nothing to do', () => {
    const task = buildTask();
    const text = renderPlanText(planTasks({ tasks: [task], records: { [task.key]: appliedRecord(task) }, salt }), { color: false });
    expect(text).toBe('Plan: 0 to update, 1 unchanged, 0 orphaned.\nNo changes. DataWorks matches the task files.\n');
  });
});

describe('renderPlanText for a task never applied by dwsync', () => {
  it('summarises what the task connects instead of listing every field', () => {
    const text = renderPlanText(planTasks({ tasks: [buildTask()], records: {}, salt }), { color: false });
    expect(text).toBe(
      [
        '~ 10000/1000001  jobs/ods/task_1000001.yaml  (first apply)',
        '    replaces its config in DataWorks with: mysql (mysql_pub) → odps (odps_first), resource group S_res_group_1_1, 2 CU',
        'Plan: 1 to update, 0 unchanged, 0 orphaned.',
        '',
      ].join('\n'),
    );
  });
});

describe('renderPlanText summary of a task never applied', () => {
  it('names the data sources given only in connection[].datasource and leaves out an empty one', () => {
    const task = buildTask({
      taskContent: {
        type: 'job',
        version: '2.0',
        steps: [
          { stepType: 'mysql', category: 'reader', name: 'Reader', parameter: { connection: [{ datasource: 'src_a', table: ['t'] }, { datasource: 'src_b', table: ['t'] }] } },
          { stepType: 'stream', category: 'writer', name: 'Writer', parameter: { datasource: '' } },
        ],
        order: { hops: [{ from: 'Reader', to: 'Writer' }] },
      },
    });
    const text = renderPlanText(planTasks({ tasks: [task], records: {}, salt }), { color: false });
    expect(text.split('\n')[1]).toBe('    replaces its config in DataWorks with: mysql (src_a, src_b) → stream, resource group S_res_group_1_1, 2 CU');
  });
});

describe('renderPlanText field lines', () => {
  const lastApplied = { taskContent: { a: { b: 1 }, old: 'x' }, taskParam: { Cu: 1 }, taskContentHash: 'h1', taskParamHash: 'h2' };
  const planned: PlannedTask = {
    ...buildChange({
      key: '1/1',
      taskContentPatch: [
        { op: 'replace', path: '/a/b', value: 2 },
        { op: 'add', path: '/obj', value: { k: [1] } },
        { op: 'remove', path: '/old' },
        { op: 'move', path: '/c', from: '/a' },
      ],
      taskParamPatch: [{ op: 'replace', path: '/Cu', value: 2 }],
    }),
    task: null,
    fileId: null,
    nodeId: null,
    desired: null,
    lastApplied,
    deploy: false,
  };

  it('are the lines of the pull request\'s diff, indented under their section', () => {
    const view = buildPlanView([planned]);
    const diff = view.entries[0]!.sections.flatMap(renderFieldDiff);
    const text = renderPlanText([planned], { color: false });
    const fieldLines = text.split('\n').filter((line) => line.startsWith('      ')).map((line) => line.slice(6));
    expect(fieldLines).toEqual(diff);
    expect(text).toBe(
      [
        '~ 1/1  jobs/1_1.yaml  (changed)',
        '    taskContent',
        '      ! taskContent.a.b: 1 → 2',
        '      + taskContent.obj: {',
        '      +     "k": [',
        '      +       1',
        '      +     ]',
        '      +   }',
        '      - taskContent.old: "x"',
        '      ! taskContent.c: move from taskContent.a',
        '    taskParam',
        '      ! taskParam.Cu: 1 → 2',
        'Plan: 1 to update, 0 unchanged, 0 orphaned.',
        '',
      ].join('\n'),
    );
  });

  it('colour every line of a value by its change: added green, removed red, replaced yellow', () => {
    const text = renderPlanText([planned], { color: true });
    expect(text).toContain('      \u001b[33m! taskContent.a.b: 1 → 2\u001b[39m\n');
    expect(text).toContain('      \u001b[32m+     "k": [\u001b[39m\n');
    expect(text).toContain('      \u001b[31m- taskContent.old: "x"\u001b[39m\n');
    expect(text).toContain('      ! taskContent.c: move from taskContent.a\n');
  });
});

describe('renderPlanStepLine', () => {
  it("counts the plan for the Action's log, creates and deletes only when there are some", () => {
    expect(renderPlanStepLine({ create: 1, update: 2, unchanged: 3, orphaned: 4, delete: 5 }, 'd1')).toBe(
      'dwsync plan: 1 to create, 5 to delete, 2 to update, 3 unchanged, 4 orphaned (digest d1)',
    );
    expect(renderPlanStepLine({ create: 0, update: 0, unchanged: 3, orphaned: 0 }, 'd2')).toBe('dwsync plan: 0 to update, 3 unchanged, 0 orphaned (digest d2)');
  });
});
