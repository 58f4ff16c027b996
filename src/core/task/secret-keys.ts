import { createHmac } from 'node:crypto';
import jsonPatch from 'fast-json-patch';

import { canonicalJson } from '../text/canonical-json.js';
import type { JsonValue } from '../text/json.js';
import { isJsonObject } from '../text/json.js';

// Keys whose values must never be shown or stored: a reader's password, an OSS accessKey, a token...
const SECRET_KEY = /pass(word|wd)?$|^pwd$|secret|access_?key|token|credential|private_?key|api_?key|^auth(orization)?$/i;

export const SENSITIVE = '(sensitive)';
const HASH_PREFIX = 'sensitive:hmac-sha256:';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

// Replaces every value under a secret-looking key with a keyed hash of it. The salt is per state file,
// so equal secrets in two repositories do not hash alike, and a change is still detected.
export function hashSecrets(value: JsonValue, salt: string): JsonValue {
  if (Array.isArray(value)) return value.map((item) => hashSecrets(item, salt));
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? keyedHash(item, salt) : hashSecrets(item, salt);
  }
  return out;
}

// canonicalJson(hashSecrets(value, salt)) in one walk: the copy that sorts the keys hashes the secrets
// on its way. A plan computes this for every config of every task; one copy of each instead of two.
export function canonicalJsonWithHashedSecrets(value: JsonValue, salt: string): string {
  return canonicalJson(value, (key, item) => (isSecretKey(key) ? keyedHash(item, salt) : undefined));
}

function keyedHash(value: JsonValue, salt: string): string {
  // Already hashed (e.g. read back from the state): keep it, so hashing is idempotent.
  if (typeof value === 'string' && value.startsWith(HASH_PREFIX)) return value;
  return HASH_PREFIX + createHmac('sha256', salt).update(canonicalJson(value)).digest('hex');
}

// Whether an RFC 6901 pointer passes through a secret-looking key.
export function isSecretPointer(pointer: string): boolean {
  return pointer
    .split('/')
    .slice(1)
    .some((token) => isSecretKey(jsonPatch.unescapePathComponent(token)));
}

// Masks every value below a secret-looking key, for anything a person or a log will read.
export function maskSecrets(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSecretKey(key) ? SENSITIVE : maskSecrets(item);
  return out;
}
