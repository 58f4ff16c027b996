// Writes jobs/dwsync-task.schema.json from the built zod schema (run via `npm run schema`).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderTaskJsonSchema } from '../build/core/task/json-schema.js';

const target = fileURLToPath(new URL('../jobs/dwsync-task.schema.json', import.meta.url));
await writeFile(target, renderTaskJsonSchema());
console.log(`wrote ${target}`);
