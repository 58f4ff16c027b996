export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

// ["taskContent", "steps", 1, "name"] → "taskContent.steps[1].name". A key that is not a plain
// identifier is quoted, so every key reads back unambiguously: ["tasks", "1/2"] → 'tasks["1/2"]'.
// Takes zod's issue paths too (PropertyKey[]). The empty path is "": callers name the top level.
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
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
// "taskContent" → "taskContent.steps[0].parameter.table"; "" → the root itself.
export function formatPointer(root: string, pointer: string): string {
  if (pointer === '') return root;
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = root;
  for (const token of tokens) {
    if (/^(0|[1-9][0-9]*|-)$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(token)) out += `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}
