import type { z } from 'zod';

// Holds an answer against an operation's response schema, field by field: a field the model does not
// document, or a value of another type. Unlike parsing (which ignores extra fields, so dwsync keeps
// working when the service adds one), this reports everything. The emulator refuses to send an answer
// with a problem; `dwsync doctor` reports the real service's. Pure.

export type AnswerProblem = { path: string; kind: 'undocumented' | 'type'; expected?: string; found: string };

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; check?: string; format?: string };

export function checkAnswer(schema: z.ZodType, value: unknown, path = ''): AnswerProblem[] {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'nullable') {
    return value === undefined || value === null ? [] : checkAnswer(def.innerType!, value, path);
  }
  if (def.type === 'object') {
    if (!isObject(value)) return [typeProblem(path, 'object', value)];
    const shape = def.shape ?? {};
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path === '' ? key : `${path}.${key}`;
      const fieldSchema = shape[key];
      if (!fieldSchema) return [{ path: at, kind: 'undocumented' as const, found: describe(item) }];
      return checkAnswer(fieldSchema, item, at);
    });
  }
  if (def.type === 'array') {
    if (!Array.isArray(value)) return [typeProblem(path, 'array', value)];
    return value.flatMap((item, i) => checkAnswer(def.element!, item, `${path}[${i}]`));
  }
  const expected = expectedType(def);
  return matchesType(expected, value) ? [] : [typeProblem(path, expected, value)];
}

// The documented top-level fields of a schema's objects that an answer left out (informational: the
// service omits empty fields).
export function listAbsentFields(schema: z.ZodType, value: unknown, path = ''): string[] {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'nullable') return value === undefined || value === null ? [] : listAbsentFields(def.innerType!, value, path);
  if (def.type !== 'object' || !isObject(value)) return [];
  return Object.entries(def.shape ?? {}).flatMap(([key, fieldSchema]) => {
    const at = path === '' ? key : `${path}.${key}`;
    return key in value ? listAbsentFields(fieldSchema, value[key], at) : [at];
  });
}

export function describeProblem(p: AnswerProblem): string {
  return p.kind === 'undocumented' ? `${p.path}: not in the operation's model (found ${p.found})` : `${p.path}: expected ${p.expected}, found ${p.found}`;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function expectedType(def: Def): string {
  if (def.type === 'number') return def.format?.includes('int') ? 'integer' : 'number';
  return def.type;
}

function matchesType(expected: string, value: unknown): boolean {
  if (expected === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (expected === 'number') return typeof value === 'number';
  if (expected === 'string') return typeof value === 'string';
  if (expected === 'boolean') return typeof value === 'boolean';
  return true;
}

function typeProblem(path: string, expected: string, value: unknown): AnswerProblem {
  return { path: path === '' ? '(answer)' : path, kind: 'type', expected, found: describe(value) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
