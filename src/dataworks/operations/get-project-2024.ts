import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18 GetProject (the 2020-05-18 one is get-project.ts, another model): the workspace by its
// numeric Id. Status is e.g. "Available"; DevEnvironmentEnabled tells a standard-mode workspace.
export const GetProject2024 = defineOperation({
  name: 'GetProject',
  version: '2024-05-18',
  method: 'GET',
  params: {
    Id: { in: 'query', type: 'integer', required: true },
  },
  response: z.object({
    Project: field.object({
      AliyunResourceGroupId: field.string(),
      AliyunResourceTags: field.list(z.object({ Key: field.string(), Value: field.string() })),
      Description: field.string(),
      DevEnvironmentEnabled: field.boolean(),
      DevRoleDisabled: field.boolean(),
      DisplayName: field.string(),
      Id: field.integer(),
      Name: field.string(),
      Owner: field.string(),
      PaiTaskEnabled: field.boolean(),
      Status: field.string(),
    }),
    RequestId: field.string(),
  }),
});
