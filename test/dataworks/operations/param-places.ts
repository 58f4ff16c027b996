import type { OperationDefinition } from '../../../src/dataworks/operations/define-operation.js';

// A definition's parameters by where they travel, and which are required, each list sorted.
export function paramPlaces(operation: OperationDefinition): { method: string; query: string[]; body: string[]; required: string[] } {
  const entries = Object.entries(operation.params);
  const names = (keep: (spec: (typeof entries)[number][1]) => boolean) => entries.filter(([, spec]) => keep(spec)).map(([name]) => name).sort();
  return { method: operation.method, query: names((s) => s.in === 'query'), body: names((s) => s.in === 'body'), required: names((s) => s.required) };
}
