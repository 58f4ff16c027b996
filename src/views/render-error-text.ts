import { RemoteError, UserInputError } from '../errors.js';
import { formatProblem } from '../core/problem.js';

// An error that stopped a command, for a person: each located problem on its line, then what went
// wrong, said once. The CLI writes these lines to stderr, the Action to its log.
export function renderErrorLines(error: unknown): string[] {
  if (error instanceof UserInputError) {
    const lines = error.problems.map(formatProblem);
    if (error.problems.length === 0 || !lines.includes(error.message)) lines.push(`dwsync: ${error.message}`);
    return lines;
  }
  if (error instanceof RemoteError) {
    const where = error.requestId ? ` (request ${error.requestId})` : '';
    // No answer at all (status null): the message already says what failed, and where.
    if (error.status === null) return [`dwsync: ${error.message}`];
    return [`dwsync: DataWorks answered ${error.code}: ${error.message}${where}`];
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return [`dwsync: internal error, please report it: ${detail}`];
}

export function renderErrorText(error: unknown): string {
  return renderErrorLines(error)
    .map((line) => `${line}\n`)
    .join('');
}
