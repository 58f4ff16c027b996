import { z } from 'zod';
import { defineOperation, envelope } from './define-operation.js';

// 2024-05-18. Starts one stage of a process (Code, e.g. PROD_CHECK). Stages run in order, none may be
// skipped or repeated; the call only starts the stage: GetPipelineRun tells how it ended. ProjectId
// travels in the query, Id and Code in the body.
export const ExecPipelineRunStage = defineOperation({
  name: 'ExecPipelineRunStage',
  version: '2024-05-18',
  method: 'POST',
  params: {
    Code: { in: 'body', type: 'string', required: true },
    Id: { in: 'body', type: 'string', required: true },
    ProjectId: { in: 'query', type: 'integer', required: true },
  },
  response: z.object({ ...envelope }),
});
