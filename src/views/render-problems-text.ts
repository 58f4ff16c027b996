import { formatProblem, formatWarning } from '../core/problem.js';
import type { Problem } from '../core/problem.js';

// Located problems for a terminal's stderr, one "file:line:col: error: message" line each, errors
// first, then warnings.
export function renderProblemsText(problems: readonly Problem[], warnings: readonly Problem[] = []): string {
  return [...problems.map(formatProblem), ...warnings.map(formatWarning)].map((line) => `${line}\n`).join('');
}
