import type { z } from 'zod';
import type { OperationName, Operations } from '../../dataworks/operations/operations.js';
import type { EmulatorState } from '../emulator-state.js';
import type { ApiFailure } from '../responses.js';
import type { ProjectMode } from '../../dataworks/operations/get-project.js';

// What every operation's handler receives and returns. Handlers are synchronous: the server does the
// I/O. A success is the answer body without RequestId (the server adds it), typed by the operation's
// response schema, so a handler cannot answer a field the model does not have.


export type HandlerContext = {
  state: EmulatorState;
  now: number; // ms since the epoch
  projectMode: ProjectMode;
  deploymentPolls: number;
  checkFailure: string | null; // a queued check failure: the next submit's pre-publish check fails with this
  stageFailure?: { code: string; message: string } | null; // a queued stage failure: the next pipeline run fails there
};

export type AnswerBody<N extends OperationName> = Omit<z.input<Operations[N]['response']>, 'RequestId'>;

export type HandlerOutcome<N extends OperationName = OperationName> = { ok: true; body: AnswerBody<N> } | ({ ok: false } & ApiFailure);

export type Failed = { ok: false } & ApiFailure;

export type OperationHandler<N extends OperationName> = (params: Record<string, string>, ctx: HandlerContext) => HandlerOutcome<N>;

export function fail(status: number, code: string, message: string): Failed {
  return { ok: false, status, code, message };
}

// A successful answer of one operation. Written as a call so the compiler checks the body's fields
// against the operation's model (a returned object literal escapes that check).
export function answer<N extends OperationName>(_operation: N, body: AnswerBody<N>): { ok: true; body: AnswerBody<N> } {
  return { ok: true, body };
}
