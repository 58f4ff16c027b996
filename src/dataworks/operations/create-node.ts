import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18. Creates a Data Studio node from a FlowSpec document (Spec): only its first node is
// created. Scene DATAWORKS_PROJECT puts it in the project's folder tree at script.path; with a
// ContainerId (a workflow or container node) that path is ignored. Answers the new node's id, a
// string (a long of up to 19 digits before SDK 8.0.0).
export const CreateNode = defineOperation({
  name: 'CreateNode',
  version: '2024-05-18',
  method: 'POST',
  params: {
    ContainerId: { in: 'body', type: 'string', required: false },
    ProjectId: { in: 'body', type: 'integer', required: true },
    Scene: { in: 'body', type: 'string', required: true },
    Spec: { in: 'body', type: 'string', required: true },
  },
  response: z.object({ Id: field.string(), RequestId: field.string() }),
});

// The Scene of a node in the project's folder tree (the others are manual tasks and workflows).
export const PROJECT_SCENE = 'DATAWORKS_PROJECT';
