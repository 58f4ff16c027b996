import { describe, expect, it } from 'vitest';
import { buildUpdateRequest, describeLongContent, encodedQueryLength, QUERY_CONTENT_WARN_BYTES } from '../../../src/core/plan/build-update-request.js';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import type { PlannedTask } from '../../../src/core/plan/plan-tasks.js';
import type { Task } from '../../../src/core/task/task.js';
import { buildTask } from '../../support/build-task.js';
import { SALT } from '../../support/state-builders.js';

const task = buildTask();
const contentString = JSON.stringify(task.taskContent);
const paramString = JSON.stringify(task.taskParam);

function anUpdate(lastTask: Task | null, drift = false): PlannedTask {
  const desired = desiredConfig(task, SALT);
  return {
    key: task.key,
    file: task.file,
    action: 'update',
    taskContentPatch: [],
    taskParamPatch: [],
    task,
    fileId: task.fileId,
    nodeId: null,
    api: '2020-05-18',
    desired,
    lastApplied: lastTask ? desiredConfig(lastTask, SALT) : null,
    deploy: false,
    ...(drift ? { drift } : {}),
  };
}

describe('buildUpdateRequest', () => {
  it('sends both on a first apply', () => {
    expect(buildUpdateRequest(anUpdate(null))).toEqual({ taskContent: contentString, taskParam: paramString });
  });

  it('sends only the content when only the content changed', () => {
    const before = buildTask({ taskContent: { ...task.taskContent, type: 'old' } });
    expect(buildUpdateRequest(anUpdate(before))).toEqual({ taskContent: contentString });
  });

  it('sends only the param when only the param changed', () => {
    const before = buildTask({ taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 1 } });
    expect(buildUpdateRequest(anUpdate(before))).toEqual({ taskParam: paramString });
  });

  it('sends only the content when a secret alone changed (compared by keyed hash)', () => {
    const steps = structuredClone(task.taskContent.steps) as { parameter: Record<string, unknown> }[];
    steps[0]!.parameter.password = 'old';
    const before = buildTask({ taskContent: { ...task.taskContent, steps } as Task['taskContent'] });
    expect(buildUpdateRequest(anUpdate(before))).toEqual({ taskContent: contentString });
  });

  it('sends both when overwriting drift, even if only one changed', () => {
    const before = buildTask({ taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 1 } });
    expect(buildUpdateRequest(anUpdate(before, true))).toEqual({ taskContent: contentString, taskParam: paramString });
  });

  it('sends both on a retry of the config last applied', () => {
    expect(buildUpdateRequest(anUpdate(task))).toEqual({ taskContent: contentString, taskParam: paramString });
  });
});

describe('encodedQueryLength', () => {
  it('counts bytes as the query string encodes them, including the characters encodeURIComponent leaves', () => {
    expect(encodedQueryLength('abc')).toBe(3);
    expect(encodedQueryLength('{"a":1}')).toBe('%7B%22a%22%3A1%7D'.length);
    expect(encodedQueryLength("!'()*")).toBe(15);
    expect(encodedQueryLength('é')).toBe(6);
  });
});

describe('describeLongContent', () => {
  it('says nothing up to the limit and warns past it, with the size', () => {
    expect(describeLongContent('jobs/a.yaml', 'a'.repeat(QUERY_CONTENT_WARN_BYTES))).toBeNull();
    expect(describeLongContent('jobs/a.yaml', `${'a'.repeat(QUERY_CONTENT_WARN_BYTES - 1)}*`)).toBe(
      "jobs/a.yaml: taskContent is 8194 bytes once encoded into the query string, over 8192; DataWorks' gateway does not publish its limit, and a request line this long may be refused",
    );
  });
});
