import { describe, expect, it } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { nodeCreateSpec, nodeDependencies, nodeUpdateSpec } from '../../../src/core/flowspec/node-requests.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';
import { fullSchedule } from '../../support/full-schedule.js';
import type { Task } from '../../../src/core/task/task.js';
import { buildNamedTask, buildNodeTask } from '../../support/build-task.js';
import { flowSpecDepartures } from '../../support/flowspec-departures.js';

// Every FlowSpec document dwsync sends holds only the fields, types and enum values of the FlowSpec
// classes (aliyun/dataworks-spec, copied with its commit in test/fixtures/flowspec/flowspec.facts.json).

const everyKey = fullSchedule;

function planned(task: Task, previous: Task | null): PlannedTask {
  return {
    key: task.key, file: task.file, action: 'update', api: '2024-05-18', taskContentPatch: [], taskParamPatch: [], task,
    fileId: null, nodeId: task.nodeId ?? null, desired: desiredConfig(task, 's'), lastApplied: previous ? desiredConfig(previous, 's') : null, deploy: false,
  };
}

describe('FlowSpec documents dwsync sends', () => {
  const named = buildNamedTask({ projectId: 20000, name: 'ods_users', folder: 'Workflow/ods', schedule: everyKey }) as Task & { name: string; folder: string };
  const byId = buildNodeTask({ schedule: everyKey });
  const documents: Array<[string, string]> = [
    ['CreateNode with every schedule key', nodeCreateSpec(named)],
    ['the UpdateNode of a created node\'s dependencies', nodeDependencies(named, '88')!],
    ['a first UpdateNode with every schedule key', nodeUpdateSpec(planned(byId, null), '7')],
    ['an UpdateNode of one changed field', nodeUpdateSpec(planned(buildNodeTask({ schedule: { ...everyKey, cron: '00 00 02 * * ?' } }), byId), '7')],
    ['an UpdateNode of the job only', nodeUpdateSpec(planned(buildNodeTask({ taskParam: { ResourceGroup: 'S_x', Cu: 4 } }), buildNodeTask()), '7')],
  ];

  it.each(documents)('%s departs from the FlowSpec classes in nothing', (_name, spec) => {
    expect(flowSpecDepartures(spec)).toEqual([]);
  });

  it('the check finds a field the classes lack, a wrong type and an enum value they do not have', () => {
    const spec = JSON.parse(nodeCreateSpec(named));
    spec.spec.nodes[0].rerunMode = 'ALL_ALLOWED';
    spec.spec.nodes[0].timeout = '4';
    spec.spec.nodes[0].trigger.crontab = 'x';
    spec.spec.dependencies = [];
    expect(flowSpecDepartures(JSON.stringify(spec)).sort()).toEqual([
      '.spec.dependencies: DataWorksWorkflowSpec has no such field',
      '.spec.nodes[0].rerunMode: "ALL_ALLOWED" is not a NodeRerunModeType (Allowed, Denied, FailureAllowed)',
      '.spec.nodes[0].timeout: expected an integer, got "4"',
      '.spec.nodes[0].trigger.crontab: SpecTrigger has no such field',
    ]);
  });
});
