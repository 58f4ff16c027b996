import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';

// Deletes a file. A committed file is removed from scheduling asynchronously: DeploymentId (top level,
// not under Data) is then the deployment to poll with GetDeployment; empty means it is already gone.
export const DeleteFile = defineOperation({
  name: 'DeleteFile',
  version: '2020-05-18',
  method: 'POST',
  params: {
    FileId: { in: 'body', type: 'integer', required: true },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
  },
  response: z.object({ ...envelope, ...errorFields, DeploymentId: field.integer() }),
});
