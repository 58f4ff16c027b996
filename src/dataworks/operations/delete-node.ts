import { z } from 'zod';
import { defineOperation, envelope } from './define-operation.js';

// 2024-05-18. Deletes a node from Data Studio.
export const DeleteNode = defineOperation({
  name: 'DeleteNode',
  version: '2024-05-18',
  method: 'POST',
  params: {
    Id: { in: 'body', type: 'string', required: true },
    ProjectId: { in: 'body', type: 'integer', required: true },
  },
  response: z.object({ ...envelope }),
});
