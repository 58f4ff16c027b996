// The same text as one flat string. V8 builds a long result of JSON.stringify as a rope: a tree of
// the pieces it was written in, about a third larger than the text itself for a config of a
// kilobyte. Converting it to a number (NaN, for JSON text) makes V8 flatten it in place, and the
// pieces are freed at the next collection. For texts that are kept for the whole run.
export function flatText(text: string): string {
  void Number(text);
  return text;
}
