import { z } from 'zod';
import { WrittenTaskDocument } from './task-schema.js';

export const TASK_SCHEMA_ID = 'urn:dwsync:task-file:v1';

// The editor schema for task files, generated from the zod schema so the two cannot drift.
// Written to jobs/dwsync-task.schema.json by `npm run schema`; a test keeps the file current.
export function renderTaskJsonSchema(): string {
  // What a user writes (input). The schema has no defaults or transforms today, so zod's output schema
  // would read the same: the choice matters only once one is added.
  // Stryker disable next-line ObjectLiteral,StringLiteral: the same schema either way, see above
  const { $schema, ...schema } = z.toJSONSchema(WrittenTaskDocument, { io: 'input', target: 'draft-2020-12' });
  const document = {
    $schema,
    $id: TASK_SCHEMA_ID,
    title: 'dwsync task file',
    description:
      'One DataWorks batch Data Integration sync task (DI_OFFLINE, OpenAPI 2020-05-18) per YAML document. Format: docs/task-file.md in the dwsync repository.',
    ...schema,
    // What validateTaskIdentity checks, which zod's object cannot say: fileId, or name and folder.
    oneOf: [{ required: ['fileId'] }, { required: ['name', 'folder'] }],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
