import { renderErrorLines } from './views/render-error-text.js';

export const EXIT = { ok: 0, error: 1, changes: 2, partial: 3 } as const;

// The one place where an error becomes an exit status, with its text for a person
// (views/render-error-text.ts).
export function describeError(error: unknown): { exitCode: number; lines: string[] } {
  return { exitCode: EXIT.error, lines: renderErrorLines(error) };
}
