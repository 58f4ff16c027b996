import { expect, test } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/task/validate-json-text.js';

test.each([
  ['{"a": 1,}', 8, `expected a property name in double quotes, found "}"`],
  ['{"a" 1}', 5, `expected ':' after the property name, found "1"`],
  ['[1, 2', 5, `expected ',' or ']', found the end of the text`],
  ['{"a": tru}', 6, 'expected a value, found "t"'],
  ['{"a": "x\ny"}', 8, `expected a closing '"', found a line break or control character (write \\n or \\t inside strings)`],
  ['{"a": "\\q"}', 7, `expected a valid escape after '\\', found "q"`],
  ['{} x', 3, 'expected nothing after the JSON value, found "x"'],
  ['', 0, 'expected a value, found the end of the text'],
  ['{"a": 01}', 7, `expected ',' or '}', found "1"`],
])('%j fails at %i', (text, offset, message) => {
  expect(() => JSON.parse(text)).toThrow();
  expect(findJsonSyntaxError(text)).toEqual({ offset, message });
});

test('valid JSON has no error', () => {
  expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeNull();
});
