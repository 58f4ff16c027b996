import { findPosition } from './source-lines.js';

// Where JSON text first goes wrong, and why. Runs only after JSON.parse has failed: V8's messages do
// not always carry a position ("Unexpected token '}', ... is not valid JSON"), and we want the character.
// Two facts are kept apart. Where: the first wrong character, or the start of the token the text ends
// inside (an unclosed string is shown at its opening quote). Whether the text ended before the value did
// (endedEarly): a file cut short by a crash ends early, a damaged one goes wrong before its end.
// Iterative, with its own stack: a deeply nested document cannot overflow the call stack.
// A comment (`//`, `/*`, `#`) where JSON expects something else is named as such (comment), since
// scripts copied from documentation often carry them and "found \"/\"" would not say why.
export type JsonSyntaxError = { offset: number; line: number; column: number; message: string; endedEarly: boolean; comment?: JsonComment };
export type JsonComment = '//' | '/*' | '#';

type Found = Omit<JsonSyntaxError, 'line' | 'column'>;
const COMMENT_STARTS: readonly JsonComment[] = ['//', '/*', '#'];
type Mode = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// What a number can be when the text stops inside it: "-", "1.", "2e", "2e+".
const NUMBER_CUT_SHORT = /-?(?:(?:0|[1-9]\d*)(?:\.\d*)?(?:[eE][+-]?\d*)?)?$/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const found = scanDocument(text);
  return found && { ...found, ...findPosition(text, found.offset) };
}

function scanDocument(text: string): Found | null {
  const stack: string[] = [];
  let i = 0;
  let mode: Mode = 'value';
  const fail = (expected: string): Found => {
    const endedEarly = i >= text.length;
    const comment = COMMENT_STARTS.find((start) => text.startsWith(start, i));
    if (comment !== undefined) return { offset: i, message: `expected ${expected}, found a comment (${comment}): JSON has no comments`, endedEarly, comment };
    return { offset: i, message: `expected ${expected}, found ${endedEarly ? 'the end of the text' : describeCharacter(text[i]!)}`, endedEarly };
  };

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
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        [i, mode] = [end, 'colon'];
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
    } else {
      const end = scanWord(text, i);
      if (end === null) return fail('a value');
      if (typeof end !== 'number') return end;
      [i, mode] = [end, 'after'];
    }
  }
}

// A literal or a number: the offset after it, an error when the text stops inside it, or null
// when none starts here.
function scanWord(text: string, start: number): number | Found | null {
  const c = text[start];
  const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : null;
  if (word !== null) {
    if (text.startsWith(word, start)) return start + word.length;
    const rest = text.slice(start);
    // The text ends inside the word (it did not start with the whole word, so rest is shorter).
    if (word.startsWith(rest)) return cutShort(start, `this value is cut short by the end of the text: expected ${word}`);
    return null;
  }
  NUMBER.lastIndex = start;
  const matched = NUMBER.test(text);
  const end = matched ? NUMBER.lastIndex : start;
  if (end < text.length || !matched) {
    NUMBER_CUT_SHORT.lastIndex = start;
    if (start < text.length && NUMBER_CUT_SHORT.test(text)) return cutShort(start, 'this number is cut short by the end of the text');
  }
  return matched ? end : null;
}

// Returns the offset after the closing quote, or the error.
function scanString(text: string, start: number): number | Found {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) {
      return { offset: i, message: 'expected a closing \'"\', found a line break or control character (write \\n or \\t inside strings)', endedEarly: false };
    }
    if (code !== 0x5c) continue;
    const next = text[i + 1];
    if (next === undefined) break; // the text stops inside the escape
    if (next === 'u') {
      const hex = /^[0-9a-fA-F]{0,4}/.exec(text.slice(i + 2, i + 6))![0];
      if (hex.length === 4) i += 5;
      else if (i + 2 + hex.length === text.length) break;
      else return { offset: i, message: `expected a valid escape after '\\', found "u"`, endedEarly: false };
    } else if ('"\\/bfnrt'.includes(next)) i += 1;
    else return { offset: i, message: `expected a valid escape after '\\', found ${JSON.stringify(next)}`, endedEarly: false };
  }
  return cutShort(start, 'this string is never closed: expected a closing \'"\'');
}

function cutShort(offset: number, message: string): Found {
  return { offset, message, endedEarly: true };
}

// A space JSON does not count as one (a no-break space pasted from a web page) looks like a space in
// the message too: name its code point.
function describeCharacter(c: string): string {
  if (!/\s/u.test(c)) return JSON.stringify(c);
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `a space character JSON does not allow (${code}; write an ordinary space)`;
}
