import { RemoteError, UserInputError } from './errors.js';
import { formatProblem } from './core/problem.js';

export const EXIT = { ok: 0, error: 1, changes: 2, partial: 3 } as const;

// The one place where an error becomes text for a person and an exit status.
export function describeError(error: unknown): { exitCode: number; lines: string[] } {
  if (error instanceof UserInputError) {
    const lines = error.problems.map(formatProblem);
    if (error.problems.length === 0 || !lines.includes(error.message)) lines.push(`dwsync: ${error.message}`);
    return { exitCode: EXIT.error, lines };
  }
  if (error instanceof RemoteError) {
    const where = error.requestId ? ` (request ${error.requestId})` : '';
    // No answer at all (status null): the message already says what failed, and where.
    if (error.status === null) return { exitCode: EXIT.error, lines: [`dwsync: ${error.message}`] };
    return { exitCode: EXIT.error, lines: [`dwsync: DataWorks answered ${error.code}: ${error.message}${where}`] };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { exitCode: EXIT.error, lines: [`dwsync: internal error, please report it: ${detail}`] };
}
