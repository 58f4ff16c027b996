import type { ResultError } from '../core/plan/report.js';
import { classifyError } from './classify-error.js';

// What a failed call leaves in the report and the state: code, message (already scrubbed of secrets
// by classifyError), request id and HTTP status, plus how many attempts were made.
export function toResultError(error: unknown): { resultError: ResultError; attempts: number; quota: boolean } {
  const remote = classifyError(error);
  const attempts = (error as { attempts?: unknown }).attempts;
  return {
    resultError: {
      code: remote.code,
      message: remote.message,
      ...(remote.requestId ? { requestId: remote.requestId } : {}),
      ...(remote.status !== null ? { status: remote.status } : {}),
    },
    attempts: typeof attempts === 'number' ? attempts : 1,
    quota: remote.quota,
  };
}
