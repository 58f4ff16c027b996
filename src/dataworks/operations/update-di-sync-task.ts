import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// Updates a batch sync task. The SDK sends all five parameters in the query string, TaskContent
// included. TaskContent and TaskParam are optional: "if you do not need to update the configurations
// of the task, leave this parameter empty".
export const UpdateDISyncTask = defineOperation({
  name: 'UpdateDISyncTask',
  version: '2020-05-18',
  method: 'POST',
  params: {
    FileId: { in: 'query', type: 'integer', required: true },
    ProjectId: { in: 'query', type: 'integer', required: true },
    TaskContent: { in: 'query', type: 'string', required: false },
    TaskParam: { in: 'query', type: 'string', required: false },
    TaskType: { in: 'query', type: 'string', required: true },
  },
  response: z.object({
    ...envelope,
    // Status "success" or "fail"; Message says why on "fail" (e.g. "ResourceGroup:[...] is invalid.").
    Data: field.object({ Message: field.string(), Status: field.string() }),
  }),
});
