import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// basic: one environment, a file is live once submitted; standard: development and production apart.
export type ProjectMode = 'basic' | 'standard';
export const PROJECT_MODE_CODE = { basic: 2, standard: 3 } as const satisfies Record<ProjectMode, number>;

// A workspace. ProjectMode 2 = basic, 3 = standard; DefaultDiResourceGroupIdentifier is the workspace's
// default Data Integration resource group. Both parameters go in the query string.
export const GetProject = defineOperation({
  name: 'GetProject',
  version: '2020-05-18',
  method: 'POST',
  params: {
    ProjectId: { in: 'query', type: 'integer', required: false },
    ProjectIdentifier: { in: 'query', type: 'string', required: false },
  },
  response: z.object({
    ...envelope,
    HttpStatusCode: field.integer(),
    Data: field.object({
      Appkey: field.string(),
      BaseProject: field.boolean(),
      DefaultDiResourceGroupIdentifier: field.string(),
      Destination: field.integer(),
      DevStorageQuota: field.string(),
      DevelopmentType: field.integer(),
      DisableDevelopment: field.boolean(),
      EnvTypes: field.list(z.string()),
      GmtCreate: field.string(),
      GmtModified: field.string(),
      IsAllowDownload: field.integer(),
      IsDefault: field.integer(),
      MaxFlowNode: field.integer(),
      ProdStorageQuota: field.string(),
      ProjectDescription: field.string(),
      ProjectId: field.integer(),
      ProjectIdentifier: field.string(),
      ProjectMode: field.integer(),
      ProjectName: field.string(),
      ProjectOwnerBaseId: field.string(),
      ProtectedMode: field.integer(),
      ResidentArea: field.string(),
      ResourceManagerResourceGroupId: field.string(),
      SchedulerMaxRetryTimes: field.integer(),
      SchedulerRetryInterval: field.integer(),
      Status: field.integer(),
      TablePrivacyMode: field.integer(),
      Tags: field.list(z.object({ Key: field.string(), Value: field.string() })),
      TenantId: field.integer(),
      UseProxyOdpsAccount: field.boolean(),
    }),
  }),
});
