import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  computeSignature,
  formatCanonicalRequest,
  formatStringToSign,
  hashSha256Hex,
  parseAuthorization,
} from './acs3-signature.js';
import { failure, type ApiFailure } from './responses.js';

// The gateway's authentication of one request: the Authorization header, the key, the body hash,
// the signature, the clock skew and the nonce. Signature checking rebuilds the canonical request
// from what arrived, so any change on the way (a header, a query value, the body) is refused.

export type SignedRequest = {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type VerifyContext = {
  credentials: Readonly<Record<string, string>>;
  nonces: Map<string, number>; // seen nonces; this function adds the request's nonce when it passes
  now: number;
};

const MAX_SKEW_MS = 15 * 60 * 1000;
const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function verifySignature(request: SignedRequest, ctx: VerifyContext): ApiFailure | { accessKeyId: string } {
  const auth = parseAuthorization(headerOf(request.headers, 'authorization'));
  if (!auth) return failure(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  const secret = Object.hasOwn(ctx.credentials, auth.accessKeyId) ? ctx.credentials[auth.accessKeyId] : undefined;
  if (secret === undefined) return failure(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const unsigned = requiredSignedHeaders(request.headers).filter((h) => !auth.signedHeaders.includes(h));
  if (unsigned.length > 0) {
    return failure(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. Unsigned headers: ${unsigned.join(', ')}.`);
  }
  const hashedPayload = hashSha256Hex(request.body);
  const claimed = headerOf(request.headers, 'x-acs-content-sha256');
  if (claimed !== undefined && claimed.toLowerCase() !== hashedPayload) {
    return failure(400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation. The x-acs-content-sha256 header does not match the body.');
  }

  const canonical = formatCanonicalRequest({
    method: request.method,
    path: request.path,
    query: request.query,
    headers: flattenHeaders(request.headers),
    signedHeaders: auth.signedHeaders,
    hashedPayload,
  });
  const stringToSign = formatStringToSign(canonical);
  if (!equalHex(computeSignature(secret, stringToSign), auth.signature)) {
    return failure(400, 'SignatureDoesNotMatch', `Specified signature does not match our calculation. server string to sign is:${stringToSign}`);
  }

  const date = headerOf(request.headers, 'x-acs-date') ?? '';
  if (!DATE_FORMAT.test(date)) return failure(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
  if (Math.abs(Date.parse(date) - ctx.now) > MAX_SKEW_MS) {
    return failure(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = headerOf(request.headers, 'x-acs-signature-nonce') ?? '';
  if (nonce === '') return failure(400, 'MissingSignatureNonce', 'SignatureNonce is mandatory for this action.');
  forgetOldNonces(ctx.nonces, ctx.now);
  if (ctx.nonces.has(nonce)) return failure(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  ctx.nonces.set(nonce, ctx.now);
  return { accessKeyId: auth.accessKeyId };
}

// The service requires the host and every x-acs-* header to be signed.
function requiredSignedHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((h) => h === 'host' || (h.startsWith('x-acs-') && h !== 'x-acs-request-id'));
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(',') : value;
  return flat;
}

function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function equalHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function forgetOldNonces(nonces: Map<string, number>, now: number): void {
  for (const [nonce, seen] of nonces) {
    if (now - seen <= MAX_SKEW_MS) break; // insertion order is time order
    nonces.delete(nonce);
  }
}
