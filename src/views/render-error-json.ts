import { errorMessage, RemoteError, UserInputError } from '../errors.js';
import type { Problem } from '../core/problem.js';
import { renderJson } from './render-json.js';

export type ErrorDocument = {
  formatVersion: 1;
  error: { kind: 'input' | 'remote' | 'internal'; message: string; problems: Problem[]; code?: string; requestId?: string | null };
};

// What --json prints on stdout when a command stops with an error: one JSON document, as on success,
// so a script reading stdout never gets nothing. The same error also goes to stderr for a person.
export function renderErrorJson(error: unknown): string {
  return renderJson(toErrorDocument(error), 2);
}

export function toErrorDocument(error: unknown): ErrorDocument {
  if (error instanceof UserInputError) return { formatVersion: 1, error: { kind: 'input', message: error.message, problems: error.problems } };
  if (error instanceof RemoteError) {
    return { formatVersion: 1, error: { kind: 'remote', message: error.message, problems: [], code: error.code, requestId: error.requestId } };
  }
  return { formatVersion: 1, error: { kind: 'internal', message: errorMessage(error), problems: [] } };
}
