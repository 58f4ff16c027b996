import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// The tenant's resource groups of one type (4 = Data Integration; the default, 1, is scheduling).
// Not paged: one answer holds them all. ResourceGroupType comes back as a string.
export const DI_RESOURCE_GROUP_TYPE = 4;

export const ListResourceGroups = defineOperation({
  name: 'ListResourceGroups',
  version: '2020-05-18',
  method: 'POST',
  params: {
    BizExtKey: { in: 'query', type: 'string', required: false },
    Keyword: { in: 'query', type: 'string', required: false },
    ResourceGroupType: { in: 'query', type: 'integer', required: false },
    ResourceManagerResourceGroupId: { in: 'query', type: 'string', required: false },
    Tags: { in: 'query', type: 'array', required: false }, // never sent by dwsync
  },
  response: z.object({
    ...envelope,
    HttpStatusCode: field.integer(),
    Data: field.list(
      z.object({
        BizExtKey: field.string(),
        Cluster: field.string(),
        CreateTime: field.string(),
        EnableKp: field.boolean(),
        Id: field.integer(),
        Identifier: field.string(),
        IsDefault: field.boolean(),
        Mode: field.string(),
        Name: field.string(),
        ResourceGroupType: field.string(),
        ResourceManagerResourceGroupId: field.string(),
        Sequence: field.integer(),
        Status: field.integer(),
        Tags: field.list(z.object({ Key: field.string(), Value: field.string() })),
        TenantId: field.integer(),
        UpdateTime: field.string(),
      }),
    ),
  }),
});
