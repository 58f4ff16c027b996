// Every --json document the same way: one JSON value, then a newline. `indent` 2 pretty-prints the
// report documents; the small documents (validate, workspaces, unlock) are written on one line.
export function renderJson(document: unknown, indent: 0 | 2): string {
  return `${JSON.stringify(document, null, indent === 0 ? undefined : indent)}\n`;
}

// renderJson(document, 2) in pieces, for a document too large to hold as one string (a plan of many
// tasks): the document and the objects and arrays in it are written piece by piece, and each value
// below them (a plan's change) is stringified on its own and can be dropped once written. Joined, the
// pieces are exactly renderJson's text.
export function* renderJsonPieces(document: unknown): Generator<string> {
  yield* pieces(document, '', 0);
  yield '\n';
}

const PIECE_DEPTH = 2; // values this deep are stringified whole

function* pieces(value: unknown, pad: string, depth: number): Generator<string> {
  if (depth >= PIECE_DEPTH || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, 2);
    yield pad === '' ? text : text.replaceAll('\n', `\n${pad}`); // a JSON text's own newlines are only its indentation
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (const [i, item] of value.entries()) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      // JSON.stringify writes null for what JSON cannot hold in an array.
      if (isOmitted(item)) yield 'null';
      else yield* pieces(item, inner, depth + 1);
    }
    yield `\n${pad}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (isOmitted(item)) continue; // and leaves it out of an object
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(item, inner, depth + 1);
  }
  yield first ? '{}' : `\n${pad}}`;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
