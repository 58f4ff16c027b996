import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/dataworks/classify-error.js';
import { RemoteError } from '../../src/errors.js';

// Builds an error shaped like the one @alicloud/tea-typescript throws for an HTTP 4xx/5xx.
function sdkError(status: number, data: Record<string, unknown>): Error {
  const err = new Error(`${String(data['Code'])}: code: ${status}, ${String(data['Message'])} request id: x`) as Error & {
    code: string;
    statusCode: number;
    data: Record<string, unknown>;
  };
  err.code = String(data['Code']);
  err.statusCode = status;
  err.data = { ...data, statusCode: status };
  return err;
}

function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError: service answers', () => {
  const table: Array<[string, number, string, { retryable: boolean; quota: boolean }]> = [
    ['throttling', 400, 'Throttling', { retryable: true, quota: false }],
    ['user throttling', 400, 'Throttling.User', { retryable: true, quota: false }],
    ['api throttling as 429', 429, 'Throttling.Api', { retryable: true, quota: false }],
    ['api risk throttling', 400, 'Throttling.Api.Risk', { retryable: true, quota: false }],
    ['system throttling', 400, 'Throttling.System', { retryable: true, quota: false }],
    ['resource throttling', 429, 'Throttling.Resource', { retryable: true, quota: false }],
    ['system internal error', 400, 'InternalError.System', { retryable: true, quota: false }],
    ['internal error', 500, 'InternalError', { retryable: true, quota: false }],
    ['unavailable', 503, 'ServiceUnavailable', { retryable: true, quota: false }],
    ['bad parameter', 400, 'Invalid.DI.Parameter', { retryable: false, quota: false }],
    ['forbidden', 403, 'Forbidden.RAM', { retryable: false, quota: false }],
    ['bad signature', 400, 'SignatureDoesNotMatch', { retryable: false, quota: false }],
    ['unknown 429', 429, 'TooManyRequests', { retryable: true, quota: false }],
  ];
  it.each(table)('%s (%i %s)', (_name, status, code, expected) => {
    const err = classifyError(sdkError(status, { Code: code, Message: 'm', RequestId: 'req-1' }));
    expect(err).toBeInstanceOf(RemoteError);
    expect({ status: err.status, code: err.code, requestId: err.requestId }).toEqual({ status, code, requestId: 'req-1' });
    expect({ retryable: err.retryable, quota: err.quota }).toEqual(expected);
    expect(err.message).toBe('m'); // the code is its own field: the message does not repeat it
  });

  it('falls back to the status when the body has no code', () => {
    const err = classifyError(sdkError(502, { Message: 'bad gateway' }));
    expect(err.code).toBe('HTTP502');
    expect(err.retryable).toBe(true);
  });

  it('reads Retry-After seconds and HTTP dates from what the client saw', () => {
    const seconds = classifyError(sdkError(429, { Code: 'Throttling' }), { status: 429, headers: { 'retry-after': '3' } });
    expect(seconds.retryAfterMs).toBe(3000);
    const now = Date.parse('2024-01-01T00:00:00Z');
    const date = classifyError(sdkError(503, { Code: 'X' }), {
      status: 503,
      headers: { 'retry-after': 'Mon, 01 Jan 2024 00:00:05 GMT' },
      now,
    });
    expect(date.retryAfterMs).toBe(5000);
    expect(classifyError(sdkError(503, { Code: 'X' })).retryAfterMs).toBeNull();
  });

  it('scrubs secrets the service echoes back', () => {
    const err = classifyError(sdkError(400, { Code: 'IncompleteSignature', Message: 'Signature=abc123 AccessKeySecret=topsecret' }));
    expect(err.message).not.toMatch(/abc123|topsecret/);
  });
});

describe('classifyError: network and bodies', () => {
  const table: Array<[string, Error, string, boolean]> = [
    ['reset', networkError('ECONNRESET', 'read ECONNRESET'), 'ECONNRESET', true],
    ['refused', networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'ECONNREFUSED', true],
    ['pipe', networkError('EPIPE', 'write EPIPE'), 'EPIPE', true],
    ['timed out', networkError('ETIMEDOUT', 'connect ETIMEDOUT'), 'ETIMEDOUT', true],
    ['dns retry', networkError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN x'), 'EAI_AGAIN', true],
    ['unknown host', networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND x'), 'ENOTFOUND', false],
    ['hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET', true],
    ['read timeout', Object.assign(new Error('ReadTimeout(50). POST http://h/ failed.'), { name: 'RequestTimeoutError' }), 'ReadTimeout', true],
    ['connect timeout', Object.assign(new Error('ConnectTimeout: Connect http://h failed.'), { name: 'RequestTimeoutError' }), 'ConnectTimeout', true],
    ['plain error', new Error('boom'), 'Error', false],
  ];
  it.each(table)('%s', (_name, input, code, retryable) => {
    const err = classifyError(input);
    expect({ code: err.code, retryable: err.retryable, status: err.status, quota: err.quota }).toEqual({ code, retryable, status: null, quota: false });
  });

  it('a truncated JSON body is retryable whatever the status', () => {
    const err = classifyError(new SyntaxError('Unexpected end of JSON input'));
    expect({ code: err.code, retryable: err.retryable }).toEqual({ code: 'TruncatedResponse', retryable: true });
  });

  it('a non-JSON body is retryable only with a 5xx or 429', () => {
    const html = () => new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON`);
    expect(classifyError(html(), { status: 502, headers: {} })).toMatchObject({ code: 'InvalidResponse', status: 502, retryable: true });
    expect(classifyError(html(), { status: 404, headers: {} })).toMatchObject({ code: 'InvalidResponse', status: 404, retryable: false });
    expect(classifyError(html())).toMatchObject({ status: null, retryable: false });
  });

  it('passes a RemoteError through and wraps non-errors', () => {
    const remote = new RemoteError({ message: 'x', status: 500, code: 'X', retryable: true });
    expect(classifyError(remote)).toBe(remote);
    expect(classifyError('weird')).toMatchObject({ code: 'Unknown', retryable: false });
  });
});
