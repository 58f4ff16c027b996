import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderTaskJsonSchema } from '../../../src/core/task/json-schema.js';
import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import { readTaskFiles } from '../../../src/tasks/read-task-files.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const schemaFile = path.join(repo, 'jobs', 'dwsync-task.schema.json');

test('the committed JSON Schema is current', async () => {
  const committed = await readFile(schemaFile, 'utf8');
  expect(committed === renderTaskJsonSchema(), 'jobs/dwsync-task.schema.json is stale: run `npm run schema`').toBe(true);
});

test('every example in jobs/ validates, with distinct keys: files of workspace 10000 from 1000001 up, nodes of workspace 20000', async () => {
  const { tasks, problems, files } = await readTaskFiles({ root: repo, jobs: 'jobs' });
  expect(problems).toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(6);
  const isFile = (t: (typeof tasks)[number]) => t.projectId === 10000 && (t.fileId ?? 0) >= 1000001;
  const isNode = (t: (typeof tasks)[number]) => t.projectId === 20000 && t.nodeId !== undefined;
  expect(tasks.filter((t) => !isFile(t) && !isNode(t))).toEqual([]);
  expect(new Set(tasks.map((t) => t.key)).size).toBe(tasks.length);
});

// A small structural check of a value against the generated schema: types, required keys,
// closed objects, consts and bounds. Enough to catch the schema and the zod checks drifting apart.
type Schema = { oneOf?: Schema[]; type?: string; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: unknown; items?: Schema; anyOf?: Schema[]; const?: unknown; exclusiveMinimum?: number; multipleOf?: number; minLength?: number };
function matches(schema: Schema, value: unknown): boolean {
  const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (schema.required && isRecord && !schema.required.every((k) => k in value)) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => matches(s, value)).length !== 1) return false;
  if (schema.anyOf) return schema.anyOf.some((s) => matches(s, value));
  if (schema.const !== undefined && value !== schema.const) return false;
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if (!(schema.required ?? []).every((k) => k in record)) return false;
      return Object.entries(record).every(([k, v]) => (schema.properties?.[k] ? matches(schema.properties[k], v) : schema.additionalProperties !== false));
    }
    case 'array':
      return Array.isArray(value) && value.every((v) => !schema.items || matches(schema.items, v));
    case 'string':
      return typeof value === 'string' && value.length >= (schema.minLength ?? 0);
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) return false;
      if (schema.exclusiveMinimum !== undefined && !(value > schema.exclusiveMinimum)) return false;
      return schema.multipleOf === undefined || value % schema.multipleOf === 0;
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

test('every example document matches the JSON Schema, and so do the parser verdicts on variants', async () => {
  const schema = JSON.parse(renderTaskJsonSchema()) as Schema;
  const dirs = ['jobs/ods', 'jobs/dws'];
  let checked = 0;
  for (const dir of dirs) {
    for (const name of await readdir(path.join(repo, dir))) {
      const text = await readFile(path.join(repo, dir, name), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../dwsync-task.schema.json\n')).toBe(true);
      for (const doc of parseAllDocuments(text)) {
        const value = doc.toJS() as Record<string, unknown>;
        expect(matches(schema, value), `${dir}/${name}`).toBe(true);
        const named = { ...value, fileId: undefined, name: 'n', folder: 'f' };
        expect(matches(schema, JSON.parse(JSON.stringify(named)))).toBe(true);
        const variants = [{ ...value, fileID: 1 }, { ...value, projectId: 0 }, { ...value, taskParam: { Cu: 2 } }, { ...value, name: 'n', folder: 'f' }, { ...named, folder: undefined }];
        for (const variant of variants.map((v) => JSON.parse(JSON.stringify(v)) as unknown)) {
          expect(matches(schema, variant)).toBe(false);
        }
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThanOrEqual(7);
  expect(parseTaskFile('projectId: 1\n', 'x.yaml').problems.length).toBeGreaterThan(0);
});
