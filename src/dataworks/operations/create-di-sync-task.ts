import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// Creates a sync task. TaskContent travels in the form body (it is the one body parameter); the folder
// goes in TaskParam as FileFolderPath, beside ResourceGroup. ClientToken makes a retried create
// idempotent.
export const CreateDISyncTask = defineOperation({
  name: 'CreateDISyncTask',
  version: '2020-05-18',
  method: 'POST',
  params: {
    ClientToken: { in: 'query', type: 'string', required: false },
    ProjectId: { in: 'query', type: 'integer', required: true },
    TaskContent: { in: 'body', type: 'string', required: true },
    TaskName: { in: 'query', type: 'string', required: false },
    TaskParam: { in: 'query', type: 'string', required: false },
    TaskType: { in: 'query', type: 'string', required: true },
  },
  response: z.object({
    ...envelope,
    Data: field.object({ FileId: field.integer(), Message: field.string(), Status: field.string() }),
  }),
});
