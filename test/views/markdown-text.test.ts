import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeTableCell, fenceCode, inlineCode, plural } from '../../src/views/markdown-text.js';

describe('markdown text', () => {
  it('escapes HTML, and in a table cell also pipes and line breaks', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(escapeTableCell('a|b\r\nc')).toBe('a\\|b c');
    expect(inlineCode('<b>')).toBe('<code>&lt;b&gt;</code>');
  });

  it('fences code with more backticks than any run inside', () => {
    expect(fenceCode('diff', '+ a')).toBe('```diff\n+ a\n```');
    expect(fenceCode('diff', 'x ```` y')).toBe('`````diff\nx ```` y\n`````');
  });

  it('counts in words', () => {
    expect([plural(1, 'task', 'tasks'), plural(0, 'task', 'tasks'), plural(2, 'task', 'tasks')]).toEqual(['1 task', '0 tasks', '2 tasks']);
  });
});
