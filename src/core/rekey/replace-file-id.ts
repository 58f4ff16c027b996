import { isMap, isScalar, parseDocument } from 'yaml';

// Task file text → the same text with its top-level `fileId: N` replaced by `nodeId: "<id>"`, touching
// nothing else (comments, order, formatting). Undefined when the text has no top-level fileId.
export function replaceFileId(text: string, nodeId: string): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'fileId');
  if (pair === undefined || !isScalar(pair.key) || !isScalar(pair.value)) return undefined;
  const keyRange = pair.key.range;
  const valueRange = pair.value.range;
  if (keyRange == null || valueRange == null) return undefined;
  const [keyStart, keyEnd] = keyRange;
  const [, valueEnd] = valueRange;
  const between = text.slice(keyEnd, valueRange[0]); // ": " as the user wrote it
  return `${text.slice(0, keyStart)}nodeId${between}"${nodeId}"${text.slice(valueEnd)}`;
}
