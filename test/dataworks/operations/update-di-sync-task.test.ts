import { describe, expect, it } from 'vitest';
import { UpdateDISyncTask } from '../../../src/dataworks/operations/update-di-sync-task.js';
import { paramPlaces } from './param-places.js';

describe('UpdateDISyncTask', () => {
  it('is a POST with all five parameters in the query, TaskContent included; TaskContent and TaskParam optional', () => {
    expect(paramPlaces(UpdateDISyncTask)).toEqual({
      method: 'POST',
      query: ['FileId', 'ProjectId', 'TaskContent', 'TaskParam', 'TaskType'],
      body: [],
      required: ['FileId', 'ProjectId', 'TaskType'],
    });
  });

  it('answers Data.Status and Data.Message, and no error fields of its own', () => {
    const body = { RequestId: 'r', Success: true, Data: { Status: 'fail', Message: 'ResourceGroup:[x] is invalid.' } };
    expect(UpdateDISyncTask.response.parse(body)).toEqual(body);
    expect(UpdateDISyncTask.response.parse({ ErrorCode: 'X' })).toEqual({});
  });
});
