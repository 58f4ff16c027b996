import { describe, expect, it } from 'vitest';
import { renderProblemsMarkdown } from '../../src/views/render-problems-markdown.js';

describe('renderProblemsMarkdown', () => {
  it('makes every problem its own list item, the first with the count, messages escaped', () => {
    const problems = [
      { file: 'jobs/a.yaml', line: 3, column: 5, path: '', message: 'expected <number>' },
      { file: 'jobs/b.yaml', line: 1, column: 1, path: '', message: 'bad & worse' },
    ];
    expect(renderProblemsMarkdown(problems)).toEqual([
      '2 problems in task files:\n\n- <code>jobs/a.yaml:3:5</code> expected &lt;number&gt;\n',
      '- <code>jobs/b.yaml:1:1</code> bad &amp; worse\n',
    ]);
    expect(renderProblemsMarkdown([])).toEqual([]);
  });
});
