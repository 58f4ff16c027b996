import { z } from 'zod';
import { WrittenTaskDocument } from './task-schema.js';

export const TASK_SCHEMA_ID = 'urn:dwsync:task-file:v1';

// The editor schema for task files, generated from the zod schema so the two cannot drift.
// Written to jobs/dwsync-task.schema.json by `npm run schema`; a test keeps the file current.
export function renderTaskJsonSchema(): string {
  const schema = z.toJSONSchema(WrittenTaskDocument, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $schema: schema.$schema,
    $id: TASK_SCHEMA_ID,
    title: 'dwsync task file',
    description:
      'One DataWorks batch Data Integration sync task (DI_OFFLINE, OpenAPI 2020-05-18) per YAML document. Format: docs/task-file.md in the dwsync repository.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
    // What validateTaskIdentity checks, which zod's object cannot say: fileId, or name and folder.
    oneOf: [{ required: ['fileId'] }, { required: ['name', 'folder'] }],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
