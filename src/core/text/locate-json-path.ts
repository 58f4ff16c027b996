import type { PathSegment } from './format-path.js';

// Where a path points inside JSON text that JSON.parse has accepted: the offset of the value (or of
// its key, for an unknown key), or, where the path stops resolving (a missing key), of the innermost
// object or array it reached. Used to place a problem found in a JSON-string taskContent at its own
// character. A repeated key resolves to its last occurrence, as JSON.parse keeps the last value.
export function locateJsonPath(json: string, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): number {
  let i = skipWhitespace(json, 0);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const last = depth === path.length - 1;
    if (json[i] === '{') {
      let value = -1;
      let key = -1;
      let j = skipWhitespace(json, i + 1);
      while (json[j] === '"') {
        const keyEnd = skipString(json, j);
        const name = JSON.parse(json.slice(j, keyEnd)) as string;
        const valueStart = skipWhitespace(json, skipWhitespace(json, keyEnd) + 1); // past the ':'
        if (name === String(segment)) [value, key] = [valueStart, j];
        j = skipWhitespace(json, skipValue(json, valueStart));
        if (json[j] !== ',') break;
        j = skipWhitespace(json, j + 1);
      }
      if (value === -1) return i;
      if (last && at === 'key') return key;
      i = value;
    } else if (json[i] === '[' && typeof segment === 'number') {
      let j = skipWhitespace(json, i + 1);
      if (json[j] === ']') return i;
      for (let index = 0; index < segment; index++) {
        j = skipWhitespace(json, skipValue(json, j));
        if (json[j] !== ',') return i;
        j = skipWhitespace(json, j + 1);
      }
      i = j;
    } else return i;
  }
  return i;
}

function skipWhitespace(json: string, i: number): number {
  while (i < json.length && ' \t\n\r'.includes(json[i]!)) i++;
  return i;
}

// The offset after the string starting at i (its opening quote).
function skipString(json: string, i: number): number {
  for (let j = i + 1; j < json.length; j++) {
    if (json[j] === '\\') j++;
    else if (json[j] === '"') return j + 1;
  }
  return json.length;
}

// The offset after the value starting at i; nested objects and arrays are skipped by counting
// brackets outside strings, without recursion.
function skipValue(json: string, i: number): number {
  const c = json[i];
  if (c === '"') return skipString(json, i);
  if (c !== '{' && c !== '[') {
    while (i < json.length && !',}] \t\n\r'.includes(json[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let j = i; j < json.length; j++) {
    const d = json[j];
    if (d === '"') j = skipString(json, j) - 1;
    else if (d === '{' || d === '[') depth++;
    else if ((d === '}' || d === ']') && --depth === 0) return j + 1;
  }
  return json.length;
}
