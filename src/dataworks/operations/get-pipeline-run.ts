import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18. A deploy or undeploy process and its stages, in Step order. The process and each stage
// are Init, Running, Success, Fail, Termination or Cancel; Message says why one failed.
export const GetPipelineRun = defineOperation({
  name: 'GetPipelineRun',
  version: '2024-05-18',
  method: 'GET',
  params: {
    Id: { in: 'query', type: 'string', required: true },
    ProjectId: { in: 'query', type: 'integer', required: true },
  },
  response: z.object({
    Pipeline: field.object({
      CreateTime: field.integer(),
      Creator: field.string(),
      Description: field.string(),
      Id: field.string(),
      Message: field.string(),
      ModifyTime: field.integer(),
      ProjectId: field.integer(),
      Stages: field.list(
        z.object({
          Code: field.string(),
          Description: field.string(),
          Message: field.string(),
          Name: field.string(),
          Status: field.string(),
          Step: field.integer(),
          Type: field.string(),
        }),
      ),
      Status: field.string(),
    }),
    RequestId: field.string(),
  }),
});

export const PIPELINE_STATUSES = ['Init', 'Running', 'Success', 'Fail', 'Termination', 'Cancel'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];
