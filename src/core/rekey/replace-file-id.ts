import { isMap, isScalar, parseAllDocuments } from 'yaml';

// Task file text → the same text with the `fileId: <fileId>` of its task (a top-level key of one of
// its documents) replaced by `nodeId: "<nodeId>"`, touching nothing else: comments, key order, the
// spacing after the colon and whatever follows on the line stay as they were. Undefined when no
// document of the text has that fileId. Pure.
export function replaceFileId(text: string, fileId: number, nodeId: string): string | undefined {
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || !isMap(doc.contents)) continue;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'fileId');
    if (pair === undefined || !isScalar(pair.key) || !isScalar(pair.value) || Number(pair.value.value) !== fileId) continue;
    const keyRange = pair.key.range;
    const valueRange = pair.value.range;
    if (!keyRange || !valueRange) continue;
    const between = text.slice(keyRange[1], valueRange[0]); // ":" and the spacing, as written
    return `${text.slice(0, keyRange[0])}nodeId${between}"${nodeId}"${text.slice(valueRange[1])}`;
  }
  return undefined;
}
