// V8's JSON.parse messages for a text that stops short ("Unexpected end of JSON input",
// "Unterminated string in JSON at position 7"): the answer was cut, so the call may be retried.
export function isTruncatedJson(message: string): boolean {
  return /end of JSON input|Unterminated/i.test(message);
}
