import { compareText } from './text/compare-text.js';

// A located problem in the user's input. Validation collects these; it never throws.
export type Problem = {
  file: string; // path relative to the repository root, with forward slashes
  line: number; // 1-based
  column: number; // 1-based
  path: string; // where in the document, dotted: "taskParam.Cu", "taskContent.steps[1].name"; "" for the whole file
  message: string;
  severity?: 'warning'; // a warning does not make the input invalid; absent means error
};

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity ?? 'error'}: ${p.message}`;
}

export function formatWarning(p: Problem): string {
  return formatProblem({ ...p, severity: 'warning' });
}

// By file, position, then message, in code-unit order (compare-text.ts), as task files are listed:
// the order must not depend on the machine's locale.
export function compareProblems(a: Problem, b: Problem): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message);
}
