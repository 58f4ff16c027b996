import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18. Lists a workspace's nodes, paged. Name matches fuzzily. The model types PagingInfo's
// PageNumber, PageSize and TotalCount as strings (unlike ListDataSources and ListResourceGroups).
const ioFields = {
  NodeOutputs: field.list(z.object({ Data: field.string(), RefTableName: field.string() })),
  Tables: field.list(z.object({ Guid: field.string() })),
  Variables: field.list(
    z.object({
      ArtifactType: field.string(),
      Id: field.string(),
      Name: field.string(),
      Node: field.object({ Output: field.string() }),
      Scope: field.string(),
      Type: field.string(),
      Value: field.string(),
    }),
  ),
};

export const ListNodes = defineOperation({
  name: 'ListNodes',
  version: '2024-05-18',
  method: 'GET',
  params: {
    ContainerId: { in: 'query', type: 'string', required: false },
    Name: { in: 'query', type: 'string', required: false },
    PageNumber: { in: 'query', type: 'integer', required: false },
    PageSize: { in: 'query', type: 'integer', required: false },
    ProjectId: { in: 'query', type: 'integer', required: true },
    Recurrence: { in: 'query', type: 'string', required: false },
    RerunMode: { in: 'query', type: 'string', required: false },
    Scene: { in: 'query', type: 'string', required: false },
  },
  response: z.object({
    PagingInfo: field.object({
      Nodes: field.list(
        z.object({
          CreateTime: field.integer(),
          DataSource: field.object({ Name: field.string(), Type: field.string() }),
          Description: field.string(),
          Id: field.string(),
          Inputs: field.object(ioFields),
          ModifyTime: field.integer(),
          Name: field.string(),
          Outputs: field.object(ioFields),
          Owner: field.string(),
          ProjectId: field.integer(),
          Recurrence: field.string(),
          RuntimeResource: field.object({ ResourceGroup: field.string(), ResourceGroupId: field.string() }),
          Script: field.object({ Id: field.string(), Path: field.string(), Runtime: field.object({ Command: field.string() }) }),
          Strategy: field.object({
            InstanceMode: field.string(),
            RerunInterval: field.integer(),
            RerunMode: field.string(),
            RerunTimes: field.integer(),
            Timeout: field.integer(),
          }),
          Tags: field.list(z.object({ Key: field.string(), Value: field.string() })),
          TaskId: field.integer(),
          Trigger: field.object({
            Cron: field.string(),
            EndTime: field.string(),
            Id: field.string(),
            StartTime: field.string(),
            Timezone: field.string(),
            Type: field.string(),
          }),
        }),
      ),
      PageNumber: field.string(),
      PageSize: field.string(),
      TotalCount: field.string(),
    }),
    RequestId: field.string(),
  }),
});

// ListNodes' PageSize: "maximum value: 100" (the model's documentation).
export const MAX_NODES_PAGE_SIZE = 100;
