import { describe, expect, it } from 'vitest';
import { CreateDISyncTask } from '../../../src/dataworks/operations/create-di-sync-task.js';
import { paramPlaces } from './param-places.js';

describe('CreateDISyncTask', () => {
  it('is a POST with TaskContent, its one body parameter, and the rest in the query; ProjectId, TaskContent and TaskType required', () => {
    expect(paramPlaces(CreateDISyncTask)).toEqual({
      method: 'POST',
      query: ['ClientToken', 'ProjectId', 'TaskName', 'TaskParam', 'TaskType'],
      body: ['TaskContent'],
      required: ['ProjectId', 'TaskContent', 'TaskType'],
    });
  });

  it('answers the new file id with Data.Status', () => {
    const body = { RequestId: 'r', Success: true, Data: { FileId: 900000001, Status: 'success', Message: '' } };
    expect(CreateDISyncTask.response.parse(body)).toEqual(body);
    expect(CreateDISyncTask.response.safeParse({ Data: { FileId: '900000001' } }).success).toBe(false);
  });
});
