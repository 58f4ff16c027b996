import { createHash } from 'node:crypto';

import type { JsonValue } from './json.js';
import { isJsonObject } from './json.js';

// Key order never matters, array order does, and `2` and `"2"` stay different: JSON.stringify of a
// value whose object keys are sorted at every depth. `replace` may give a key's value another one,
// written as it is (not walked), in the same copy: undefined leaves the value to be walked.
export type ReplaceValue = (key: string, value: JsonValue) => JsonValue | undefined;

export function canonicalJson(value: JsonValue, replace?: ReplaceValue): string {
  return JSON.stringify(sortKeys(value, replace));
}

export function hashCanonical(value: JsonValue): string {
  return hashCanonicalText(canonicalJson(value));
}

// The same hash from a canonical text already at hand.
export function hashCanonicalText(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function sortKeys(value: JsonValue, replace: ReplaceValue | undefined): JsonValue {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, replace));
  if (!isJsonObject(value)) return value;
  const sorted: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort()) {
    const item = value[key] as JsonValue;
    sorted[key] = replace?.(key, item) ?? sortKeys(item, replace);
  }
  return sorted;
}
