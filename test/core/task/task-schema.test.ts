import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CLOSED_KEYS, Step, TASK_FILE_KEYS, TaskContent, TaskDocument, TaskParam, WrittenTaskDocument } from '../../../src/core/task/task-schema.js';
import { buildTask } from '../../support/build-task.js';

// Each refusal as [path, message]: the messages are the expectations validate-schema.ts words.
function refusals(schema: z.ZodType, value: unknown): [string, string][] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const { taskContent, taskParam } = buildTask();
const written = { projectId: 10000, fileId: 1000001, taskParam, taskContent };

describe('WrittenTaskDocument', () => {
  it('accepts a task given by fileId, and one given by name and folder', () => {
    expect(refusals(WrittenTaskDocument, written)).toEqual([]);
    expect(refusals(WrittenTaskDocument, { projectId: 1, name: 'ods_users', folder: 'Business Flow/ods', taskParam, taskContent })).toEqual([]);
  });

  it('accepts the optional keys', () => {
    expect(refusals(WrittenTaskDocument, { ...written, taskType: 'DI_OFFLINE', description: 'd', deploy: true })).toEqual([]);
  });

  it('accepts taskContent as a string of JSON (checked once parsed)', () => {
    expect(refusals(WrittenTaskDocument, { ...written, taskContent: '{"type": "job"}' })).toEqual([]);
  });

  it('refuses ids that are not positive integers', () => {
    expect(refusals(WrittenTaskDocument, { ...written, projectId: 0, fileId: 1.5 })).toEqual([
      ['projectId', 'a positive integer'],
      ['fileId', 'a positive integer'],
    ]);
    expect(refusals(WrittenTaskDocument, { ...written, projectId: '10000' })).toEqual([['projectId', 'a positive integer']]);
  });

  it('refuses a name with "/" and a folder with a leading, trailing or double "/"', () => {
    expect(refusals(WrittenTaskDocument, { ...written, name: 'a/b' })).toEqual([['name', 'a file name without "/"']]);
    for (const folder of ['/a', 'a/', 'a//b', '']) {
      expect(refusals(WrittenTaskDocument, { ...written, folder })).toEqual([
        ['folder', 'a folder path such as "Business Flow/ods/Data Integration", without leading, trailing or double "/"'],
      ]);
    }
  });

  it('refuses another taskType, a deploy that is not a boolean, and an unknown key', () => {
    expect(refusals(WrittenTaskDocument, { ...written, taskType: 'DI_REALTIME', deploy: 'yes' })).toEqual([
      ['taskType', '"DI_OFFLINE"'],
      ['deploy', 'true or false'],
    ]);
    expect(WrittenTaskDocument.safeParse({ ...written, fileID: 1 }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['fileID'], path: [] }]);
  });

  it('refuses a taskContent that is neither a mapping nor a string', () => {
    expect(refusals(WrittenTaskDocument, { ...written, taskContent: [1] })).toEqual([['taskContent', 'a mapping or a string holding the job JSON']]);
  });
});

describe('TaskDocument', () => {
  it('refuses a taskContent string: by then it must be parsed', () => {
    expect(refusals(TaskDocument, { ...written, taskContent: '{}' })).toEqual([['taskContent', 'a mapping (type, version, steps, setting, order)']]);
  });
});

describe('TaskContent', () => {
  it('keeps keys it does not know, in steps and parameters too', () => {
    const content = { ...taskContent, extra: 1, steps: [{ stepType: 'x', category: 'reader', name: 'R', parameter: { any: 1 }, more: true }] };
    expect(TaskContent.parse(content)).toEqual(content);
  });

  it('says how to fix a version YAML read as a number', () => {
    expect(refusals(TaskContent, { ...taskContent, version: 2 })).toEqual([['version', 'the string "2.0" (quote it: version: "2.0")']]);
    expect(refusals(TaskContent, { ...taskContent, version: '2' })).toEqual([['version', 'the string "2.0"']]);
  });

  it('refuses a type other than "job", and steps that are not a list', () => {
    expect(refusals(TaskContent, { ...taskContent, type: 'stream', steps: {} })).toEqual([
      ['type', '"job"'],
      ['steps', 'a list of steps'],
    ]);
  });

  it('refuses a concurrency that is not a positive integer, and hops that are not a list', () => {
    expect(refusals(TaskContent, { ...taskContent, setting: { speed: { concurrent: 0 } }, order: { hops: 'R->W' } })).toEqual([
      ['setting.speed.concurrent', 'a positive integer'],
      ['order.hops', 'a list of hops'],
    ]);
  });
});

describe('Step', () => {
  it('refuses each missing or malformed field with its expectation', () => {
    expect(refusals(Step, { stepType: '', category: 'raeder', parameter: [] })).toEqual([
      ['stepType', 'a non-empty string'],
      ['category', '"reader", "writer", "map", "flatmap" or "processor"'],
      ['parameter', 'a mapping'],
    ]);
    expect(refusals(Step, 'reader')).toEqual([['', 'a mapping (stepType, category, name, parameter)']]);
  });
});

describe('TaskParam', () => {
  it('accepts a resource group with or without a Cu that is a multiple of 0.5', () => {
    expect(refusals(TaskParam, { ResourceGroup: 'S_res_group_x' })).toEqual([]);
    expect(refusals(TaskParam, { ResourceGroup: 'S_res_group_x', Cu: 0.5 })).toEqual([]);
    expect(refusals(TaskParam, { ResourceGroup: 'S_res_group_x', Cu: 2.5 })).toEqual([]);
  });

  it('refuses a Cu that is not a positive multiple of 0.5, and an empty group', () => {
    expect(refusals(TaskParam, { ResourceGroup: '', Cu: 0.3 })).toEqual([
      ['ResourceGroup', 'a non-empty string'],
      ['Cu', 'a positive multiple of 0.5'],
    ]);
    expect(refusals(TaskParam, { ResourceGroup: 'g', Cu: -1 })).toEqual([['Cu', 'a positive multiple of 0.5']]);
  });

  it('is closed: another key is refused', () => {
    const result = TaskParam.safeParse({ ResourceGroup: 'g', cu: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['cu'] });
  });
});

describe('the key lists', () => {
  it('name the top-level keys and the closed taskParam keys', () => {
    expect(TASK_FILE_KEYS).toEqual(['projectId', 'fileId', 'nodeId', 'name', 'folder', 'taskType', 'description', 'deploy', 'taskParam', 'taskContent', 'schedule']);
    expect(CLOSED_KEYS).toEqual({
      '': TASK_FILE_KEYS,
      taskParam: ['ResourceGroup', 'Cu'],
      schedule: ['cron', 'rerun', 'parameters', 'dependsOn', 'resourceGroup', 'paused', 'skipped', 'timeoutHours', 'startDate', 'endDate'],
      'schedule.rerun': ['mode', 'times', 'intervalSeconds'],
    });
  });
});
