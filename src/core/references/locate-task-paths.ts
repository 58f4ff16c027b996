import { parseAllDocuments } from 'yaml';
import type { PathSegment } from '../text/format-path.js';
import { locateYamlNode } from '../text/locate-yaml-node.js';
import { createPositionFinder, type Position } from '../text/source-lines.js';

// Where paths of one task document are written: the document is the one starting at the task's
// line and column in its file's text. Positions are only worked out for the few paths that need a
// message, never while loading. A path into a taskContent written as a JSON string points at the
// string. Pure.
export function locateTaskPaths(text: string, start: Position, paths: readonly PathSegment[][]): Position[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const positionOf = createPositionFinder(source);
  for (const doc of parseAllDocuments(source)) {
    const begin = doc.contents?.range?.[0];
    if (begin === undefined) continue;
    const at = positionOf(begin);
    if (at.line !== start.line || at.column !== start.column) continue;
    return paths.map((path) => positionOf(locateYamlNode(doc, path).offset));
  }
  return paths.map(() => start);
}
