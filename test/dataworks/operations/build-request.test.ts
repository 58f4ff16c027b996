import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/dataworks/operations/build-request.js';
import { CreateDISyncTask } from '../../../src/dataworks/operations/create-di-sync-task.js';
import { CreatePipelineRun } from '../../../src/dataworks/operations/create-pipeline-run.js';
import { defineOperation, type OperationDefinition } from '../../../src/dataworks/operations/define-operation.js';
import { ListFiles } from '../../../src/dataworks/operations/list-files.js';
import { ListResourceGroups } from '../../../src/dataworks/operations/list-resource-groups.js';
import { InternalError } from '../../../src/errors.js';
import { z } from 'zod';

const Mixed = defineOperation({
  name: 'Mixed',
  version: '2020-05-18',
  method: 'POST',
  params: {
    Id: { in: 'query', type: 'integer', required: true },
    Flag: { in: 'body', type: 'boolean', required: false },
    Text: { in: 'body', type: 'string', required: false },
    Label: { in: 'query', type: 'string', required: false },
  },
  response: z.object({}),
});

describe('buildRequest', () => {
  it('puts each parameter where the definition says, numbers and booleans as their text', () => {
    expect(buildRequest(Mixed, { Id: 7, Flag: false, Text: '{"a":1}', Label: '' })).toEqual({
      query: { Id: '7', Label: '' },
      body: { Flag: 'false', Text: '{"a":1}' },
    });
  });

  it('CreateDISyncTask: TaskContent in the body, everything else in the query', () => {
    const built = buildRequest(CreateDISyncTask, { ProjectId: 1, TaskType: 'DI_OFFLINE', TaskContent: '{}', TaskName: 'n', TaskParam: '{}', ClientToken: 't' });
    expect(built).toEqual({ query: { ProjectId: '1', TaskType: 'DI_OFFLINE', TaskName: 'n', TaskParam: '{}', ClientToken: 't' }, body: { TaskContent: '{}' } });
  });

  it('ListFiles: every parameter in the body', () => {
    expect(buildRequest(ListFiles, { ProjectId: 1, NeedAbsoluteFolderPath: true, PageNumber: 2 })).toEqual({
      query: {},
      body: { ProjectId: '1', NeedAbsoluteFolderPath: 'true', PageNumber: '2' },
    });
  });

  it('a parameter left undefined is not sent at all', () => {
    expect(buildRequest(Mixed, { Id: 1, Text: undefined, Flag: undefined })).toEqual({ query: { Id: '1' }, body: {} });
  });

  it('an unknown parameter, a missing required one or a list is a bug in dwsync: InternalError', () => {
    const loose = Mixed as unknown as OperationDefinition;
    expect(() => buildRequest(loose, { Id: 1, Nope: 'x' })).toThrow(new InternalError('Mixed has no parameter Nope'));
    expect(() => buildRequest(loose, { Text: 'x' })).toThrow(new InternalError('Mixed needs Id'));
    expect(() => buildRequest(loose, { Id: undefined })).toThrow(InternalError);
    const groups = ListResourceGroups as unknown as OperationDefinition;
    expect(() => buildRequest(groups, { Tags: 'k=v' })).toThrow(new InternalError('ListResourceGroups.Tags: list parameters are not sent by dwsync'));
    // A list left out is fine.
    expect(buildRequest(ListResourceGroups, { ResourceGroupType: 4 })).toEqual({ query: { ResourceGroupType: '4' }, body: {} });
  });
});

describe('buildRequest, lists', () => {
  it('sends a list of style "json" as its JSON text, where the SDK puts it (CreatePipelineRun.ObjectIds in the body)', () => {
    expect(buildRequest(CreatePipelineRun, { ProjectId: 1, Type: 'Online', ObjectIds: ['700000000000000001'] })).toEqual({
      query: {},
      body: { ProjectId: '1', Type: 'Online', ObjectIds: '["700000000000000001"]' },
    });
  });
});
