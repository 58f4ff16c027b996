// V8's JSON.parse messages for a text that stops short ("Unexpected end of JSON input",
// "Unterminated string in JSON at position 7"), or, given the text, an error at its very end ("Expected
// property name or '}' in JSON at position 1" for "{"): the answer was cut, so the call may be retried.
export function isTruncatedJson(message: string, text?: string): boolean {
  if (/end of JSON input|Unterminated/i.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  return text !== undefined && at !== null && Number(at[1]) >= text.trimEnd().length;
}
