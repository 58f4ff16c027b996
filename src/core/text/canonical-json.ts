import { createHash } from 'node:crypto';

import type { JsonValue } from './json.js';
import { isJsonObject } from './json.js';

// Key order never matters, array order does, and `2` and `"2"` stay different: JSON.stringify of a
// value whose object keys are sorted at every depth.
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(sortKeys(value));
}

export function hashCanonical(value: JsonValue): string {
  return hashCanonicalText(canonicalJson(value));
}

// The same hash from a canonical text already at hand.
export function hashCanonicalText(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const sorted: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as JsonValue);
  return sorted;
}
