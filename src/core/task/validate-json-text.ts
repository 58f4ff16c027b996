// Finds where JSON text first goes wrong, and why. Runs only after JSON.parse has failed:
// V8's messages do not always carry a position, and we want to point at the exact character.
export type JsonSyntaxError = { offset: number; message: string };

type Mode = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let i = 0;
  let mode: Mode = 'value';
  const found = () => (i >= text.length ? 'the end of the text' : JSON.stringify(text[i]));
  const fail = (expected: string): JsonSyntaxError => ({ offset: i, message: `expected ${expected}, found ${found()}` });

  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
    const c = text[i];
    if (mode === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? fail('nothing after the JSON value') : null;
      const close = top === '{' ? '}' : ']';
      if (c === ',') [i, mode] = [i + 1, top === '{' ? 'key' : 'value'];
      else if (c === close) [i, mode] = [i + 1, (stack.pop(), 'after')];
      else return fail(`',' or '${close}'`);
    } else if (mode === 'keyOrEnd' || mode === 'key') {
      if (c === '}' && mode === 'keyOrEnd') [i, mode] = [i + 1, (stack.pop(), 'after')];
      else if (c === '"') {
        const error = scanString(text, i);
        if (typeof error !== 'number') return error;
        [i, mode] = [error, 'colon'];
      } else return fail(mode === 'key' ? 'a property name in double quotes' : "a property name in double quotes or '}'");
    } else if (mode === 'colon') {
      if (c !== ':') return fail("':' after the property name");
      [i, mode] = [i + 1, 'value'];
    } else if (mode === 'valueOrEnd' && c === ']') {
      [i, mode] = [i + 1, (stack.pop(), 'after')];
    } else if (c === '{' || c === '[') {
      stack.push(c);
      [i, mode] = [i + 1, c === '{' ? 'keyOrEnd' : 'valueOrEnd'];
    } else if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      [i, mode] = [end, 'after'];
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!text.startsWith(word, i)) return fail('a value');
      [i, mode] = [i + word.length, 'after'];
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail('a value');
      [i, mode] = [NUMBER.lastIndex, 'after'];
    }
  }
}

// Returns the offset after the closing quote, or the error.
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) {
      return { offset: i, message: 'expected a closing \'"\', found a line break or control character (write \\n or \\t inside strings)' };
    }
    if (code !== 0x5c) continue;
    const next = text[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
    else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 1;
    else return { offset: i, message: `expected a valid escape after '\\', found ${next === undefined ? 'the end of the text' : JSON.stringify(next)}` };
  }
  return { offset: start, message: 'this string is never closed: expected a closing \'"\'' };
}
