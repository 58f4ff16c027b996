import type { Problem } from '../core/problem.js';
import { escapeHtml, inlineCode, plural } from './markdown-text.js';

// Invalid task files in a job summary or comment: every problem one list item, each its own section,
// so a byte budget drops whole problems, never half of one.
export function renderProblemsMarkdown(problems: readonly Problem[]): string[] {
  if (problems.length === 0) return [];
  const intro = `${plural(problems.length, 'problem', 'problems')} in task files:\n\n`;
  return problems.map((p, i) => `${i === 0 ? intro : ''}- ${inlineCode(`${p.file}:${p.line}:${p.column}`)} ${escapeHtml(p.message)}\n`);
}
