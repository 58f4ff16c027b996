import { RemoteError } from '../errors.js';

// A network failure in words a user can act on, naming the endpoint: the SDK's own text runs its
// pieces together ("connect ECONNREFUSED 127.0.0.1:1POST http://...", "EPROTO ... ssl3_get_record:wrong
// version number"). Answers from the service (a status) are left as they are. Pure.
export function describeConnectionError(err: RemoteError, endpoint: { host: string; protocol: 'http' | 'https' }): RemoteError {
  if (err.status !== null) return err;
  const url = `${endpoint.protocol}://${endpoint.host}`;
  const text = `${err.code} ${err.message}`;
  let message: string;
  if (/wrong version number|EPROTO|packet length too long|ERR_SSL/i.test(text) && endpoint.protocol === 'https') {
    message = `cannot connect to ${url}: the endpoint speaks plain HTTP, use http://${endpoint.host}`;
  } else if (/ECONNREFUSED/.test(text)) {
    message = `cannot connect to ${url}: connection refused (is anything listening there?)`;
  } else if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    message = `cannot connect to ${url}: the host name ${endpoint.host.replace(/:\d+$/, '')} does not resolve`;
  } else if (/ReadTimeout|ConnectTimeout|ETIMEDOUT|ESOCKETTIMEDOUT/.test(text)) {
    message = `no answer from ${url} in time (${err.code})`;
  } else if (/ECONNRESET|socket hang up/i.test(text)) {
    message = `the connection to ${url} was closed before an answer arrived`;
  } else if (/EHOSTUNREACH|ENETUNREACH|ENETDOWN/.test(text)) {
    message = `cannot connect to ${url}: the network cannot reach it (${err.code})`;
  } else if (/self[- ]signed|certificate|CERT_/i.test(text)) {
    message = `cannot connect to ${url}: its TLS certificate is not trusted`;
  } else {
    return err;
  }
  return new RemoteError({ message, status: null, code: err.code, requestId: err.requestId, retryable: err.retryable, retryAfterMs: err.retryAfterMs, cause: err.cause ?? err });
}
