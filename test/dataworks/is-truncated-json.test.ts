import { describe, expect, it } from 'vitest';
import { isTruncatedJson } from '../../src/dataworks/is-truncated-json.js';

function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} parsed`);
}

// Bodies cut short at every kind of place: V8 says "Unexpected end", "Unterminated string", or, when
// the cut falls right after a brace, a comma or a value, "Expected ... at position <the text's length>".
const cut = ['', '{', '{"RequestId":"r","Data":{', '{"RequestId":"abc', '[1,2', '{"a":tr', '{"a"', '{"a":1,', '{"a":1 '];
const garbage = ['<html>busy</html>', '{"a":1}}', 'not json', '{a:1}', '{"a":1 "b":2}'];

describe('isTruncatedJson', () => {
  it('knows every body cut short from its message and text', () => {
    expect(cut.filter((text) => !isTruncatedJson(parseError(text), text))).toEqual([]);
  });

  it('from the message alone, knows the cuts V8 names as such', () => {
    expect(['', '{"RequestId":"abc', '{"a":tr'].every((text) => isTruncatedJson(parseError(text)))).toBe(true);
  });

  it('is false for garbage that is complete', () => {
    expect(garbage.filter((text) => isTruncatedJson(parseError(text), text))).toEqual([]);
  });
});
