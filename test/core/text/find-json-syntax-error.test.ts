import { describe, expect, it, test } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/text/find-json-syntax-error.js';

// Each text is refused by JSON.parse first: the locator only ever runs after it.
describe('findJsonSyntaxError', () => {
  test.each([
    ['{"a": 1,}', 8, `expected a property name in double quotes, found "}"`],
    ['{"a" 1}', 5, `expected ':' after the property name, found "1"`],
    ['{"a": tru}', 6, 'expected a value, found "t"'],
    ['{"a": "x\ny"}', 8, `expected a closing '"', found a line break or control character (write \\n or \\t inside strings)`],
    ['{"a": "\\q"}', 7, `expected a valid escape after '\\', found "q"`],
    ['{"a": "\\u00zz"}', 7, `expected a valid escape after '\\', found "u"`],
    ['{} x', 3, 'expected nothing after the JSON value, found "x"'],
    ['{"a": 01}', 7, `expected ',' or '}', found "1"`],
    ['{"a":}', 5, 'expected a value, found "}"'],
    ['[1,]', 3, 'expected a value, found "]"'],
    ['{a:1}', 1, `expected a property name in double quotes or '}', found "a"`],
    ['{"a": 1.x}', 7, `expected ',' or '}', found "."`],
    ['{\u00a0"a": 1}', 1, `expected a property name in double quotes or '}', found a space character JSON does not allow (U+00A0; write an ordinary space)`],
  ])('%j goes wrong at %i, before its end', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ offset, message, endedEarly: false });
  });

  // Scripts copied from DataWorks' documentation carry // comments (a few #): each is named as a comment.
  test.each([
    ['{\n  "type": "job", // the job\n  "version": "2.0"\n}', 19, '//', `expected a property name in double quotes, found a comment (//): JSON has no comments`],
    ['{"steps": [ // readers first\n]}', 12, '//', 'expected a value, found a comment (//): JSON has no comments'],
    ['{"a": 1 /* one */}', 8, '/*', `expected ',' or '}', found a comment (/*): JSON has no comments`],
    ['# job\n{}', 0, '#', 'expected a value, found a comment (#): JSON has no comments'],
  ])('%j has a comment at %i', (text, offset, comment, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ offset, message, comment });
  });

  test('a // inside a string is text, not a comment', () => {
    expect(findJsonSyntaxError('{"url": "http://x", }')).toMatchObject({ offset: 20, message: `expected a property name in double quotes, found "}"` });
    expect(findJsonSyntaxError('{"url": "http://x", }')?.comment).toBeUndefined();
  });

  // The offset is where the unfinished token starts; endedEarly says the text stopped inside it.
  test.each([
    ['', 0, 'expected a value, found the end of the text'],
    ['[1, 2', 5, `expected ',' or ']', found the end of the text`],
    ['{"a":1', 6, `expected ',' or '}', found the end of the text`],
    ['{"a":1\n  ', 9, `expected ',' or '}', found the end of the text`],
    ['{"a":', 5, 'expected a value, found the end of the text'],
    ['{"a":"x', 5, `this string is never closed: expected a closing '"'`],
    ['{"a', 1, `this string is never closed: expected a closing '"'`],
    ['{"a":"\\', 5, `this string is never closed: expected a closing '"'`],
    ['{"a":"\\u00', 5, `this string is never closed: expected a closing '"'`],
    ['{"a":tr', 5, 'this value is cut short by the end of the text: expected true'],
    ['[nul', 1, 'this value is cut short by the end of the text: expected null'],
    ['{"a":-', 5, 'this number is cut short by the end of the text'],
    ['{"a":1.', 5, 'this number is cut short by the end of the text'],
    ['[2e+', 1, 'this number is cut short by the end of the text'],
  ])('%j ends early: at %i', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ offset, message, endedEarly: true });
  });

  test('counts lines and columns from 1', () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n  ]\n}')).toEqual({
      offset: 14,
      line: 3,
      column: 3,
      message: `expected a property name in double quotes, found "]"`,
      endedEarly: false,
    });
    expect(findJsonSyntaxError('{\n  "a": "x')).toMatchObject({ offset: 9, line: 2, column: 8, endedEarly: true });
  });

  test('valid JSON has no error', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeNull();
    expect(findJsonSyntaxError(' 0 ')).toBeNull();
  });

  test('a deeply nested document does not overflow the stack', () => {
    const text = '['.repeat(200_000);
    expect(findJsonSyntaxError(text)).toMatchObject({ offset: 200_000, endedEarly: true });
  });
});

describe('findJsonSyntaxError, empty containers and strings with spaces', () => {
  it('reads empty lists and mappings, and finds the mistake after them', () => {
    const text = '{"a": [], "b": [ ], "c": {}, }';
    expect(findJsonSyntaxError(text)).toMatchObject({ offset: text.length - 1, message: 'expected a property name in double quotes, found "}"' });
  });

  it('reads a space inside a string as part of it: a string cut short there ended early', () => {
    expect(findJsonSyntaxError('{"a b')).toMatchObject({ offset: 1, endedEarly: true });
  });

  it('tells a literal cut short from a wrong word', () => {
    expect(findJsonSyntaxError('[tr')).toMatchObject({ endedEarly: true, message: 'this value is cut short by the end of the text: expected true' });
    expect(findJsonSyntaxError('[trux]')).toMatchObject({ endedEarly: false, offset: 1 });
    expect(findJsonSyntaxError('[nullx]')).toMatchObject({ endedEarly: false, offset: 5 });
  });
});
