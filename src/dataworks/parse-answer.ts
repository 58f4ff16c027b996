import { isTruncatedJson } from './is-truncated-json.js';
import type { z } from 'zod';
import { isJsonObject } from '../core/text/json.js';
import { RemoteError } from '../errors.js';
import type { OperationDefinition } from './operations/define-operation.js';
import { classifyServiceCode } from './classify-error.js';
import { scrubMessage } from './scrub-message.js';

type Body = Record<string, unknown>;

// Parses a 2xx body and checks that the call really succeeded: DataWorks also answers 200 with
// Success: false, or with Data.Status "fail" for the DI task operations. A Success: false carrying a
// throttling code is retried like a throttling status; any other refusal is the service saying no.
export function parseSucceededBody(text: string, status: number): Body {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    // Our own parse of a 2xx: a body cut short is worth another try, garbage is not.
    const truncated = cause instanceof SyntaxError && isTruncatedJson(cause.message, text);
    throw new RemoteError({
      message: `the service answered HTTP ${status} with ${truncated ? 'a truncated JSON body' : 'a body that is not JSON'}`,
      status,
      code: truncated ? 'TruncatedResponse' : 'InvalidResponse',
      retryable: truncated,
      cause,
    });
  }
  if (!isJsonObject(body)) throw invalidAnswer(status, null, 'the response body is not a JSON object');
  const requestId = stringOr(body['RequestId'], null);
  const data = body['Data'];
  if (body['Success'] === false) {
    const code = stringOr(body['ErrorCode'], null) ?? stringOr(body['Code'], null) ?? 'Failed';
    const message = stringOr(body['ErrorMessage'], null) ?? stringOr(body['Message'], null) ?? 'the call did not succeed';
    throw refused(status, requestId, code, message);
  }
  if (isJsonObject(data) && typeof data['Status'] === 'string' && data['Status'].toLowerCase() === 'fail') {
    const message = stringOr(data['Message'], null) ?? 'the service reported Status: fail';
    // The model gives Data.Status "fail" no code of its own; the DI operations' documented parameter
    // error is Invalid.DI.Parameter, and a failed Data.Status is that kind of refusal.
    throw refused(status, requestId, 'Invalid.DI.Parameter', message);
  }
  return body;
}

// The answer through the operation's response schema: a documented field of the wrong type is an
// invalid answer, as it would be for the SDK. Fields the model does not know are ignored here.
export function parseAnswer<D extends OperationDefinition>(operation: D, body: Body, status: number): z.infer<D['response']> {
  const parsed = operation.response.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<D['response']>;
  const issue = parsed.error.issues[0];
  const at = issue ? issue.path.join('.') : '';
  return invalid(operation.name, status, requestIdOf(body), `${at || 'the answer'}: ${issue?.message ?? 'does not match the model'}`);
}

export function requestIdOf(body: { RequestId?: unknown }): string {
  return stringOr(body.RequestId, '') ?? '';
}

export function invalidAnswer(status: number, requestId: string | null, message: string): RemoteError {
  return new RemoteError({ message, status, code: 'InvalidResponse', requestId, retryable: false });
}

function invalid(action: string, status: number, requestId: string, detail: string): never {
  throw invalidAnswer(status, requestId, `${action} answered something its model does not allow (${detail})`);
}

function refused(status: number, requestId: string | null, code: string, message: string): RemoteError {
  const { retryable, quota } = classifyServiceCode(code, status);
  return new RemoteError({ message: scrubMessage(message), status, code, requestId, retryable, quota });
}

export function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
