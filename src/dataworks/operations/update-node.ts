import { z } from 'zod';
import { defineOperation, envelope } from './define-operation.js';

// 2024-05-18. Updates a node from a FlowSpec document whose kind is "Node". The update is incremental:
// what the Spec leaves out is kept.
export const UpdateNode = defineOperation({
  name: 'UpdateNode',
  version: '2024-05-18',
  method: 'POST',
  params: {
    Id: { in: 'body', type: 'string', required: true },
    ProjectId: { in: 'body', type: 'integer', required: true },
    Spec: { in: 'body', type: 'string', required: true },
  },
  response: z.object({ ...envelope }),
});
