// Every --json document the same way: one JSON value, then a newline. `indent` 2 pretty-prints the
// report documents; the small documents (validate, workspaces, unlock) are written on one line.
export function renderJson(document: unknown, indent: 0 | 2): string {
  return `${JSON.stringify(document, null, indent === 0 ? undefined : indent)}\n`;
}
