import { describe, expect, it } from 'vitest';
import { stripJsonComments } from './strip-json-comments.js';

describe('stripJsonComments', () => {
  it('takes out //, # and /* */ comments outside strings, keeping lines', () => {
    const text = '{\n  "a": "http://x#y", // one\n  # two\n  "b": /* three\n */ 1\n}';
    const stripped = stripJsonComments(text);
    expect(stripped.text).toBe('{\n  "a": "http://x#y", \n  \n  "b": \n 1\n}');
    expect(stripped.firstComment).toBe(text.indexOf('// one'));
    expect(JSON.parse(stripped.text)).toEqual({ a: 'http://x#y', b: 1 });
  });

  it('says there is no comment in plain JSON', () => {
    expect(stripJsonComments('{"a": "\\"//"}')).toEqual({ text: '{"a": "\\"//"}', firstComment: null });
  });
});
