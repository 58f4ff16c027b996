// Where JSON.parse gave up. V8 names the position for some errors and not for others
// ("Unexpected token '}', ... is not valid JSON"), so a refusal would sometimes say only "somewhere".
// This small scanner finds the first offending offset itself; it runs only after JSON.parse failed.

export type JsonErrorLocation = { offset: number; line: number; column: number; truncated: boolean };

export function locateJsonError(text: string): JsonErrorLocation {
  const offset = _scanDocument(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column, truncated: offset >= text.length };
}

class _Stop {
  constructor(readonly offset: number) {}
}

function _scanDocument(text: string): number {
  try {
    let i = _skipSpace(text, 0);
    i = _scanValue(text, i);
    i = _skipSpace(text, i);
    return i < text.length ? i : text.length; // trailing garbage, or (unexpectedly) valid
  } catch (stop) {
    if (stop instanceof _Stop) return stop.offset;
    throw stop;
  }
}

function _skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

function _expect(text: string, i: number, char: string): number {
  if (text[i] !== char) throw new _Stop(i);
  return i + 1;
}

function _scanValue(text: string, i: number): number {
  const c = text[i];
  if (c === '{') return _scanContainer(text, i, '}', true);
  if (c === '[') return _scanContainer(text, i, ']', false);
  if (c === '"') return _scanString(text, i);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, i)) return i + word.length;
    if (i < text.length && word.startsWith(text.slice(i, i + word.length)) && i + word.length > text.length) {
      throw new _Stop(text.length); // a literal cut short by the end of the file
    }
  }
  const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
  if (number) return i + number[0].length;
  throw new _Stop(i);
}

function _scanContainer(text: string, i: number, close: string, isObject: boolean): number {
  i = _skipSpace(text, i + 1);
  if (text[i] === close) return i + 1;
  for (;;) {
    if (isObject) {
      if (text[i] !== '"') throw new _Stop(i);
      i = _skipSpace(text, _scanString(text, i));
      i = _skipSpace(text, _expect(text, i, ':'));
    }
    i = _skipSpace(text, _scanValue(text, i));
    if (text[i] === close) return i + 1;
    i = _skipSpace(text, _expect(text, i, ','));
  }
}

function _scanString(text: string, i: number): number {
  i++;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c < ' ') throw new _Stop(i);
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{0,4}$/.test(hex)) throw new _Stop(i);
        if (hex.length < 4) break;
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next)) throw new _Stop(i);
      i += 2;
      continue;
    }
    i++;
  }
  throw new _Stop(text.length);
}
