import type { Problem } from '../core/problem.js';
import type { ActionsPort } from '../ports.js';
import { escapeHtml, inlineCode, plural } from '../views/markdown-text.js';
import { toAnnotations } from './to-annotations.js';

// Invalid task files: one annotation per problem on its line, and the whole list in the job summary.
// GitHub shows at most 10 error annotations per step and drops the rest without a word; the step's
// own failure message is one of them. So at most 8 problems are annotated, then one annotation
// says how many more there are and points at the summary, which lists them all.

export const ERROR_ANNOTATIONS_PER_STEP = 10;
const PROBLEM_ANNOTATIONS = ERROR_ANNOTATIONS_PER_STEP - 1; // one is the step's failure

export function annotateProblems(io: ActionsPort, all: readonly Problem[], directory: string): void {
  // A resource group DataWorks does not list is a warning (the list may miss some kinds of group):
  // a warning annotation, outside the error budget.
  const warnings = all.filter((p) => p.severity === 'warning');
  for (const warning of toAnnotations(warnings, directory)) io.warning(warning.message, warning.properties);
  const problems = all.filter((p) => p.severity !== 'warning');
  const annotations = toAnnotations(problems, directory);
  const shown = annotations.length <= PROBLEM_ANNOTATIONS ? annotations : annotations.slice(0, PROBLEM_ANNOTATIONS - 1);
  for (const annotation of shown) io.error(annotation.message, annotation.properties);
  const rest = annotations.length - shown.length;
  if (rest > 0) {
    io.error(`${plural(rest, 'more problem is', 'more problems are')} not annotated (GitHub shows ${ERROR_ANNOTATIONS_PER_STEP} errors per step): the job summary lists all ${annotations.length}.`, {
      title: 'dwsync: more problems in the job summary',
    });
  }
}

// Every problem, one list item each, so the byte budget drops whole problems, never half of one.
export function renderProblemSections(problems: readonly Problem[]): string[] {
  if (problems.length === 0) return [];
  const intro = `${plural(problems.length, 'problem', 'problems')} in task files:\n\n`;
  return problems.map((p, i) => `${i === 0 ? intro : ''}- ${inlineCode(`${p.file}:${p.line}:${p.column}`)} ${escapeHtml(p.message)}\n`);
}
