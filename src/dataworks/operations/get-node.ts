import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18. Reads one node: Node.Spec is its FlowSpec JSON (spec.nodes[0].script.content holds the
// job JSON). TaskId is the scheduling task the node became once deployed.
export const GetNode = defineOperation({
  name: 'GetNode',
  version: '2024-05-18',
  method: 'GET',
  params: {
    Id: { in: 'query', type: 'string', required: true },
    ProjectId: { in: 'query', type: 'integer', required: false },
  },
  response: z.object({
    Node: field.object({
      CreateTime: field.integer(),
      Id: field.string(),
      ModifyTime: field.integer(),
      Name: field.string(),
      Owner: field.string(),
      ProjectId: field.integer(),
      Spec: field.string(),
      TaskId: field.integer(),
    }),
    RequestId: field.string(),
  }),
});
