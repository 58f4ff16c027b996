import jsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';

import { isJsonObject, type JsonValue } from '../text/json.js';
import { SENSITIVE, isSecretPointer, maskSecrets } from '../task/secret-keys.js';

// RFC 6902 operations that turn `from` into `to`. Object key order never yields an operation.
export function diffConfig(from: JsonValue, to: JsonValue): Operation[] {
  return jsonPatch.compare(from as object, to as object);
}

// diffConfig({}, to): every key of `to` added. compare deep-copies each added value; a new task's
// config is parsed afresh each time its patch is read (lazy-patches.ts), so its values are handed out
// as they are, which saves copying every new task's whole config once more.
export function diffFromNothing(to: JsonValue): Operation[] {
  // Stryker disable next-line all: for a list or a scalar the loop below gives what diffConfig does (a property test holds the two together); the test is for the types
  if (!isJsonObject(to)) return diffConfig({}, to);
  const patch: Operation[] = [];
  for (const key of Object.keys(to)) {
    const value = to[key];
    // Stryker disable next-line ConditionalExpression: a parsed config holds no undefined; the check keeps the patch what diffConfig gives if one did
    if (value !== undefined) patch.push({ op: 'add', path: `/${jsonPatch.escapePathComponent(key)}`, value });
  }
  return patch;
}

// What people and logs may see of a patch: an operation below a secret key keeps its path, so the
// change is visible, but its value is masked; so is every secret inside an added object.
export function maskPatch(patch: Operation[]): Operation[] {
  return patch.map((op) => {
    if (!('value' in op)) return op;
    return { ...op, value: isSecretPointer(op.path) ? SENSITIVE : maskSecrets(op.value as JsonValue) };
  });
}
