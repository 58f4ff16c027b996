import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18. Starts a deploy (Type "Online") or undeploy ("Offline") process of the entity whose id is
// the first of ObjectIds ("only the first entity in the array and its child entities" are processed).
// The SDK sends ObjectIds in the body as one JSON text: client.go, CreatePipelineRunWithOptions,
// openapiutil.ArrayToStringWithSpecifiedStyle(tmpReq.ObjectIds, "ObjectIds", "json").
export const CreatePipelineRun = defineOperation({
  name: 'CreatePipelineRun',
  version: '2024-05-18',
  method: 'POST',
  params: {
    Description: { in: 'body', type: 'string', required: false },
    ObjectIds: { in: 'body', type: 'array', style: 'json', required: true },
    ProjectId: { in: 'body', type: 'integer', required: true },
    Type: { in: 'body', type: 'string', required: true },
  },
  response: z.object({ Id: field.string(), RequestId: field.string() }),
});

export const PIPELINE_RUN_TYPES = ['Online', 'Offline'] as const;
