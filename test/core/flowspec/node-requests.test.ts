import { describe, expect, it } from 'vitest';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { nodeCreateSpec, nodeUpdateSpec } from '../../../src/core/flowspec/node-requests.js';
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
  });
});
