import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';

// Commits a file; Data is the deployment id to poll with GetDeployment.
export const SubmitFile = defineOperation({
  name: 'SubmitFile',
  version: '2020-05-18',
  method: 'POST',
  params: {
    Comment: { in: 'body', type: 'string', required: false },
    FileId: { in: 'body', type: 'integer', required: true },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
    SkipAllDeployFileExtensions: { in: 'body', type: 'boolean', required: false },
  },
  response: z.object({ ...envelope, ...errorFields, Data: field.integer() }),
});
