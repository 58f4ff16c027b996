import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';

// A deployment's progress. Deployment.Status 0 ready, 1 succeeded, 2 failed; a file may go to production
// only when Status is 1 and CheckingStatus is empty (7 = check failed, 8 = checking). DeployedItems[].Status:
// 0 unpublished, 1 published, 2 error, 3 cloned, 4 deploy error, 5 cloning, 6 rejected.
export const GetDeployment = defineOperation({
  name: 'GetDeployment',
  version: '2020-05-18',
  method: 'POST',
  params: {
    DeploymentId: { in: 'body', type: 'integer', required: true },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
  },
  response: z.object({
    ...envelope,
    ...errorFields,
    Data: field.object({
      DeployedItems: field.list(z.object({ FileId: field.integer(), FileVersion: field.integer(), Status: field.integer() })),
      Deployment: field.object({
        CheckingStatus: field.integer(),
        CreateTime: field.integer(),
        CreatorId: field.string(),
        ErrorMessage: field.string(),
        ExecuteTime: field.integer(),
        FromEnvironment: field.integer(),
        HandlerId: field.string(),
        Name: field.string(),
        Status: field.integer(),
        ToEnvironment: field.integer(),
      }),
    }),
  }),
});
