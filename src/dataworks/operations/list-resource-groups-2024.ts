import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// 2024-05-18 ListResourceGroups (the 2020-05-18 one is list-resource-groups.ts): paged; Id is the
// group's identifier (a string), ResourceGroupType e.g. CommonV2 (serverless), Status e.g. Normal.
export const ListResourceGroups2024 = defineOperation({
  name: 'ListResourceGroups',
  version: '2024-05-18',
  method: 'GET',
  params: {
    AliyunResourceGroupId: { in: 'query', type: 'string', required: false },
    AliyunResourceTags: { in: 'query', type: 'array', required: false }, // never sent by dwsync
    Name: { in: 'query', type: 'string', required: false },
    PageNumber: { in: 'query', type: 'integer', required: false },
    PageSize: { in: 'query', type: 'integer', required: false },
    PaymentType: { in: 'query', type: 'string', required: false },
    ProjectId: { in: 'query', type: 'integer', required: false },
    ResourceGroupTypes: { in: 'query', type: 'array', required: false }, // never sent by dwsync
    SortBy: { in: 'query', type: 'string', required: false },
    Statuses: { in: 'query', type: 'array', required: false }, // never sent by dwsync
  },
  response: z.object({
    ...envelope,
    PagingInfo: field.object({
      PageNumber: field.integer(),
      PageSize: field.integer(),
      ResourceGroupList: field.list(
        z.object({
          AliyunResourceGroupId: field.string(),
          AliyunResourceTags: field.list(z.object({ Key: field.string(), Value: field.string() })),
          CreateTime: field.integer(),
          CreateUser: field.string(),
          DefaultVpcId: field.string(),
          DefaultVswicthId: field.string(), // sic, as the model spells it
          Id: field.string(),
          Name: field.string(),
          OrderInstanceId: field.string(),
          PaymentType: field.string(),
          Remark: field.string(),
          ResourceGroupType: field.string(),
          Spec: field.object({ Amount: field.integer(), Standard: field.string() }),
          Status: field.string(),
        }),
      ),
      TotalCount: field.integer(),
    }),
  }),
});
