import { isTruncatedJson } from './is-truncated-json.js';
import { RemoteError } from '../errors.js';
import { isJsonObject } from '../core/text/json.js';
import { scrubMessage } from './scrub-message.js';

// What the client saw of the HTTP response before the SDK threw, when it saw one. The SDK's own
// errors carry neither the response headers nor, for a non-JSON body, the status.
export type ResponseSeen = {
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  now?: number; // for an HTTP-date Retry-After
};

// Alibaba's own Terraform provider retries its dataworks-public 2020-05-18 calls on Throttling.Api,
// Throttling.Api.Risk, Throttling.System, Throttling.User and InternalError.System
// (aliyun/terraform-provider-alicloud, alicloud/data_source_alicloud_data_works_columns.go). dwsync
// retries every code that starts with "Throttling" and feeds it to the adaptive rate.
const RETRYABLE_CODES = new Set(['InternalError.System', 'ServiceUnavailable']);
// A daily or edition quota that no retry will lift. No source names such a code for DataWorks, so the
// set is empty: a code goes here only with a citation.
const QUOTA_CODES = new Set<string>();
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

export function isThrottlingCode(code: string): boolean {
  return code.startsWith('Throttling');
}

// Whether the service's own error code (in an HTTP error or a 200 with Success: false) is worth
// another try, and whether it is a quota that should stop the run.
export function classifyServiceCode(code: string, status: number): { retryable: boolean; quota: boolean } {
  const quota = QUOTA_CODES.has(code);
  const retryable = !quota && (isThrottlingCode(code) || RETRYABLE_CODES.has(code) || status === 429 || status >= 500);
  return { retryable, quota };
}

export function classifyError(err: unknown, seen: ResponseSeen | null = null): RemoteError {
  if (err instanceof RemoteError) return err;
  const retryAfterMs = seen ? readRetryAfter(seen) : null;
  if (err instanceof SyntaxError) return classifyUnparsableBody(err, seen, retryAfterMs);
  if (!(err instanceof Error)) {
    return new RemoteError({ message: scrubMessage(String(err)), status: null, code: 'Unknown', retryable: false, cause: err });
  }
  const fields = err as Error & { code?: unknown; statusCode?: unknown; data?: unknown };
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : (seen?.status ?? null);
  if (status !== null && isJsonObject(fields.data)) {
    return classifyServiceError(err, status, fields.data, retryAfterMs);
  }
  return classifyNetworkError(err, typeof fields.code === 'string' ? fields.code : null);
}

function classifyServiceError(
  err: Error,
  status: number,
  data: Record<string, unknown>,
  retryAfterMs: number | null,
): RemoteError {
  const code = firstString(data['Code'], data['code'], data['ErrorCode']) ?? `HTTP${status}`;
  const message = firstString(data['Message'], data['message'], data['ErrorMessage']) ?? `HTTP ${status}`;
  const { retryable, quota } = classifyServiceCode(code, status);
  return new RemoteError({
    message: scrubMessage(message),
    status,
    code,
    requestId: firstString(data['RequestId'], data['requestId']),
    retryable,
    quota,
    retryAfterMs,
    cause: err,
  });
}

function classifyNetworkError(err: Error, code: string | null): RemoteError {
  const message = scrubMessage(err.message);
  const timeout = /\b(ReadTimeout|ConnectTimeout)\b/.exec(err.message)?.[1];
  if (timeout) return new RemoteError({ message, status: null, code: timeout, retryable: true, cause: err });
  if (/socket hang up/i.test(err.message)) {
    return new RemoteError({ message, status: null, code: code ?? 'ECONNRESET', retryable: true, cause: err });
  }
  const retryable = code !== null && RETRYABLE_NETWORK_CODES.has(code);
  // The credential chain and the SDK's own checks throw plain errors without a code.
  return new RemoteError({ message, status: null, code: code ?? err.name, retryable, cause: err });
}

// The SDK parses error bodies as JSON and throws a bare SyntaxError when they are not, so the
// status comes from what the client saw. A non-JSON body is retried when it came with a 5xx or a
// 429 (a gateway or load balancer page during an outage) or when it ends early (the connection
// dropped mid-body: the same call is likely to work again). A complete non-JSON body with a 4xx,
// or with no known status, is a proxy or endpoint misconfiguration that retrying will not fix.
function classifyUnparsableBody(err: SyntaxError, seen: ResponseSeen | null, retryAfterMs: number | null): RemoteError {
  const status = seen?.status ?? null;
  const truncated = isTruncatedJson(err.message);
  const retryable = truncated || (status !== null && (status >= 500 || status === 429));
  const what = truncated ? 'a truncated JSON body' : 'a body that is not JSON';
  return new RemoteError({
    message: `the service answered${status === null ? '' : ` HTTP ${status} with`} ${what}`,
    status,
    code: truncated ? 'TruncatedResponse' : 'InvalidResponse',
    retryable,
    retryAfterMs,
    cause: err,
  });
}

function readRetryAfter(seen: ResponseSeen): number | null {
  const raw = seen.headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : null;
  const at = Date.parse(value);
  if (Number.isNaN(at) || seen.now === undefined) return null;
  return Math.max(0, at - seen.now);
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value !== '' && value !== 'undefined') return value;
  }
  return null;
}
