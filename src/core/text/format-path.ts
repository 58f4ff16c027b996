import { unescapePathComponent } from 'fast-json-patch';

export type PathSegment = string | number;

// The "-" of a JSON Pointer in a patch: the position after an array's last element.
export const ARRAY_END = Symbol('-');

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

// ["taskContent", "steps", 1, "name"] → "taskContent.steps[1].name". A key that is not a plain
// identifier is quoted, so every key reads back unambiguously: ["tasks", "1/2"] → 'tasks["1/2"]'.
// Takes zod's issue paths too (PropertyKey[]). The empty path is "": callers name the top level.
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment === ARRAY_END) out += '[-]';
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

// How a found value reads in a message: numbers and booleans bare, strings quoted.
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  // Values YAML tags can produce (!!binary, !!set, !!timestamp) that JSON cannot hold.
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (value instanceof Date) return 'a timestamp';
  if (value instanceof Map || value instanceof Set) return 'a YAML set or ordered map';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

// An RFC 6901 pointer under a root in the same dotted form: "/steps/0/parameter/table" under
// "taskContent" → "taskContent.steps[0].parameter.table"; "" → the root itself. The root is a dotted
// path of plain keys ("live.taskContent"). A patch's "-" (the end of an array) reads [-].
export function formatPointer(root: string, pointer: string): string {
  const tokens = pointer === '' ? [] : pointer.split('/').slice(1).map(unescapePathComponent);
  return formatPath([...root.split('.'), ...tokens.map((token) => (token === '-' ? ARRAY_END : /^(0|[1-9]\d*)$/.test(token) ? Number(token) : token))]);
}
