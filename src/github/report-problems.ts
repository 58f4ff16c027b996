import type { Problem } from '../core/problem.js';
import { formatProblem } from '../core/problem.js';
import type { ActionsPort } from './actions-port.js';
import { escapeHtml, fenceCode, plural } from './markdown-text.js';
import { toAnnotations } from './to-annotations.js';

// Invalid task files: one annotation per problem on its line, and the list in the job summary.

export function annotateProblems(io: ActionsPort, problems: readonly Problem[], directory: string): void {
  toAnnotations(problems, directory).forEach((annotation, i) => {
    // A resource group DataWorks does not list is a warning: the list may miss some kinds of group.
    if (problems[i]?.severity === 'warning') io.warning(annotation.message, annotation.properties);
    else io.error(annotation.message, annotation.properties);
  });
}

export function renderProblemsMarkdown(title: string, message: string, problems: readonly Problem[]): string {
  const head = `### ${title}\n\n**${escapeHtml(message)}**\n\n`;
  if (problems.length === 0) return head;
  const listed = problems.slice(0, 200).map(formatProblem);
  if (problems.length > 200) listed.push(`… and ${problems.length - 200} more`);
  return `${head}${plural(problems.length, 'problem', 'problems')} in task files:\n\n${fenceCode('text', listed.join('\n'))}\n`;
}
