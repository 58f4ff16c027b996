import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import type { PathSegment } from './format-path.js';

export type Located = {
  offset: number; // where to point, in the parsed text
  node: Node | null; // the value node reached, when the whole path resolved
  scalar: Scalar | null; // a string scalar the path went into (taskContent written as JSON)
};

// Walks a path down the YAML nodes and says where to point: at the value, at the key (for an
// unknown key), or, for a missing key, at the mapping that lacks it. A path that enters a
// string (taskContent as JSON) or an alias stops there: that is the nearest thing in the file.
export function locateYamlNode(doc: Document, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Located {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { offset, node: null, scalar: null };
      const keyStart = startOf(pair.key) ?? offset;
      const last = i === path.length - 1;
      if (last && at === 'key') return { offset: keyStart, node: null, scalar: null };
      // `key:` with nothing after it: yaml makes an empty value just after the colon, and that is where
      // this points; only a pair with no value node at all falls back to its key.
      node = pair.value;
      offset = startOf(node) ?? keyStart;
      if (!node) return { offset, node: null, scalar: null };
    } else if (isSeq(node)) {
      const item = typeof segment === 'number' ? node.items[segment] : undefined;
      if (!item) return { offset, node: null, scalar: null };
      node = item;
      offset = startOf(node) ?? offset;
    } else if (isScalar(node) && typeof node.value === 'string') {
      return { offset, node: null, scalar: node };
    } else {
      return { offset, node: isAlias(node) ? node : null, scalar: null };
    }
  }
  return { offset, node: (node as Node | null) ?? null, scalar: isScalar(node) && typeof node.value === 'string' ? node : null };
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

// Where a character of a string scalar's value sits in the source. Exact for block literals and
// for plain or quoted scalars on one line; otherwise the scalar's start (best effort).
export function locateInScalar(text: string, scalar: Scalar, valueOffset: number): number {
  const [start, end] = scalar.range ?? [0, 0];
  const value = String(scalar.value);
  if (scalar.type === Scalar.BLOCK_LITERAL) return locateInBlockLiteral(text, start, end, value, valueOffset);
  const source = text.slice(start, end);
  if (source.includes('\n')) return start;
  if (scalar.type === Scalar.PLAIN) return start + valueOffset;
  let s = 1; // after the opening quote
  for (let v = 0; v < valueOffset && s < source.length; v++) {
    if (scalar.type === Scalar.QUOTE_SINGLE) s += source.startsWith("''", s) ? 2 : 1;
    else if (source[s] !== '\\') s += 1;
    else {
      const escape = source[s + 1];
      s += escape === 'x' ? 4 : escape === 'u' ? 6 : escape === 'U' ? 10 : 2;
      if (escape === 'U') v += 1; // a code point beyond U+FFFF is two UTF-16 units
    }
  }
  return start + s;
}

function locateInBlockLiteral(text: string, start: number, end: number, value: string, valueOffset: number): number {
  const before = value.slice(0, valueOffset);
  const lineIndex = before.split('\n').length - 1;
  const columnInLine = valueOffset - (before.lastIndexOf('\n') + 1);
  // The content starts on the line after the header (`|`, `|-`, `|2`...).
  let lineStart = text.indexOf('\n', start) + 1;
  if (lineStart === 0) return start;
  for (let i = 0; i < lineIndex; i++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1 || next >= end) return start;
    lineStart = next + 1;
  }
  const valueLines = value.split('\n');
  const firstContent = valueLines.findIndex((l) => l.trim() !== '');
  const indent = firstContent === -1 ? 0 : blockIndent(text, start, firstContent, valueLines[firstContent]!);
  return lineStart + indent + columnInLine;
}

// The block's indentation: leading spaces of its first non-blank source line, less the spaces
// that belong to the value itself.
function blockIndent(text: string, start: number, lineIndex: number, valueLine: string): number {
  let lineStart = text.indexOf('\n', start) + 1;
  for (let i = 0; i < lineIndex; i++) lineStart = text.indexOf('\n', lineStart) + 1;
  let spaces = 0;
  while (text[lineStart + spaces] === ' ') spaces++;
  return spaces - (valueLine.length - valueLine.trimStart().length);
}
