import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { mapScalarOffsets } from './map-scalar-offsets.js';
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
      // No value node, or below no list item: the next step (or the end) stops at this offset.
      node = pair.value;
      offset = startOf(node) ?? keyStart;
    } else if (isSeq(node)) {
      node = typeof segment === 'number' ? node.items[segment] : undefined;
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

// Where a character of a string scalar's value sits in the source (map-scalar-offsets.ts); the
// scalar's start when that cannot be worked out.
export function locateInScalar(text: string, scalar: Scalar, valueOffset: number): number {
  const offsets = mapScalarOffsets(text, scalar);
  if (offsets === null) return scalar.range?.[0] ?? 0;
  return offsets[Math.max(0, Math.min(valueOffset, offsets.length - 1))]!;
}
