import type { Problem } from './core/problem.js';

// The user's input is wrong: task files, dwsync.yaml, flags, the state file, a held lock.
export class UserInputError extends Error {
  override name = 'UserInputError' as const;
  readonly problems: Problem[];
  constructor(message: string, options: { problems?: Problem[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.problems = options.problems ?? [];
  }
}

// The remote service (or the network on the way to it) refused or failed a call.
export class RemoteError extends Error {
  override name = 'RemoteError' as const;
  readonly status: number | null; // HTTP status; null when no response arrived
  readonly code: string; // service error code, e.g. "Throttling.User", or a network code such as "ECONNRESET"
  readonly requestId: string | null;
  readonly retryable: boolean;
  readonly quota: boolean; // a daily or edition quota: stop starting new calls
  readonly retryAfterMs: number | null; // a hint from the server, when it gave one
  constructor(fields: {
    message: string;
    status: number | null;
    code: string;
    requestId?: string | null;
    retryable: boolean;
    quota?: boolean;
    retryAfterMs?: number | null;
    cause?: unknown;
  }) {
    super(fields.message, { cause: fields.cause });
    this.status = fields.status;
    this.code = fields.code;
    this.requestId = fields.requestId ?? null;
    this.retryable = fields.retryable;
    this.quota = fields.quota ?? false;
    this.retryAfterMs = fields.retryAfterMs ?? null;
  }
}

// A bug in dwsync itself.
export class InternalError extends Error {
  override name = 'InternalError' as const;
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
  }
}

// What went wrong, in one string, for anything a `catch` can receive (a thrown string, a rejection with
// a plain object, or an Error).
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
