import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';

// Deploys a committed file to production (standard mode); Data is the deployment id.
export const DeployFile = defineOperation({
  name: 'DeployFile',
  version: '2020-05-18',
  method: 'POST',
  params: {
    Comment: { in: 'body', type: 'string', required: false },
    FileId: { in: 'body', type: 'integer', required: false },
    NodeId: { in: 'body', type: 'integer', required: false },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
  },
  response: z.object({ ...envelope, ...errorFields, Data: field.integer() }),
});
