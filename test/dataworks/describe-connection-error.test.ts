import { describe, expect, it } from 'vitest';
import { describeConnectionError } from '../../src/dataworks/describe-connection-error.js';
import { RemoteError } from '../../src/errors.js';

const http = { host: '127.0.0.1:8787', protocol: 'http' as const };
const https = { host: 'dataworks.example.com', protocol: 'https' as const };

function network(code: string, message: string, extra: { retryAfterMs?: number; requestId?: string } = {}): RemoteError {
  return new RemoteError({ message, status: null, code, retryable: true, ...extra });
}

describe('describeConnectionError', () => {
  it('says each network failure in words, naming the endpoint', () => {
    const cases: Array<[RemoteError, typeof http | typeof https, string]> = [
      [network('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8787POST http://127.0.0.1:8787/'), http, 'cannot connect to http://127.0.0.1:8787: connection refused (is anything listening there?)'],
      [network('ENOTFOUND', 'getaddrinfo ENOTFOUND dataworks.example.com'), https, 'cannot connect to https://dataworks.example.com: the host name dataworks.example.com does not resolve'],
      [network('EAI_AGAIN', 'getaddrinfo EAI_AGAIN x'), http, 'cannot connect to http://127.0.0.1:8787: the host name 127.0.0.1 does not resolve'],
      [network('ReadTimeout', 'ReadTimeout(10000)'), http, 'no answer from http://127.0.0.1:8787 in time (ReadTimeout)'],
      [network('ECONNRESET', 'socket hang up'), http, 'the connection to http://127.0.0.1:8787 was closed before an answer arrived'],
      [network('EHOSTUNREACH', 'connect EHOSTUNREACH'), http, 'cannot connect to http://127.0.0.1:8787: the network cannot reach it (EHOSTUNREACH)'],
      [network('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), https, 'cannot connect to https://dataworks.example.com: its TLS certificate is not trusted'],
      [network('EPROTO', 'write EPROTO ssl3_get_record:wrong version number'), https, 'cannot connect to https://dataworks.example.com: the endpoint speaks plain HTTP, use http://dataworks.example.com'],
    ];
    for (const [err, endpoint, message] of cases) expect(describeConnectionError(err, endpoint).message).toBe(message);
  });

  it('keeps the code, retryability, request id and Retry-After, and the original as the cause', () => {
    const original = network('ECONNRESET', 'socket hang up', { retryAfterMs: 1500, requestId: 'r' });
    const described = describeConnectionError(original, http);
    expect(described).toBeInstanceOf(RemoteError);
    expect({ ...described, message: described.message }).toMatchObject({ code: 'ECONNRESET', status: null, retryable: true, requestId: 'r', retryAfterMs: 1500 });
    expect(described.cause).toBe(original);
  });

  it('leaves an answer from the service (a status) and an unrecognised failure as they are', () => {
    const answered = new RemoteError({ message: 'ECONNREFUSED in a message', status: 503, code: 'ServiceUnavailable', retryable: true });
    expect(describeConnectionError(answered, http)).toBe(answered);
    const odd = network('EWEIRD', 'something else');
    expect(describeConnectionError(odd, http)).toBe(odd);
    // A TLS protocol error over plain HTTP is not the "speaks plain HTTP" case.
    const eproto = network('EPROTO', 'wrong version number');
    expect(describeConnectionError(eproto, http)).toBe(eproto);
  });
});
