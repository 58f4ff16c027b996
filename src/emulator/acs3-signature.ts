import { createHash, createHmac } from 'node:crypto';

// The ACS3-HMAC-SHA256 (V3) signature, computed the way the Alibaba Cloud gateway does:
// canonical request -> string to sign -> HMAC-SHA256 with the AccessKey secret.
// Pure: the server feeds it what arrived on the wire; tests feed it the published example.

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export type CanonicalRequestInput = {
  method: string; // "POST"
  path: string; // the request path as sent, e.g. "/"
  query: Array<[string, string]>; // decoded key/value pairs, in any order
  headers: Record<string, string | undefined>; // lowercased names
  signedHeaders: string[]; // lowercased names, as listed in SignedHeaders
  hashedPayload: string; // hex SHA-256 of the body bytes
};

// RFC 3986 percent-encoding, as the SDK's openapi-util `encode` does it.
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

export function hashSha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function formatCanonicalQuery(query: Array<[string, string]>): string {
  return query
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([ka, va], [kb, vb]) => compareCodeUnits(ka, kb) || compareCodeUnits(va, vb))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

export function formatCanonicalHeaders(headers: Record<string, string | undefined>, signedHeaders: string[]): string {
  return signedHeaders.map((name) => `${name}:${(headers[name] ?? '').trim()}\n`).join('');
}

// The SDK escapes only the first "+", "*" and "%7E" of the path; for the RPC path "/" this is the identity.
export function formatCanonicalUri(path: string): string {
  return path === '' ? '/' : path.replace('+', '%20').replace('*', '%2A').replace('%7E', '~');
}

export function formatCanonicalRequest(input: CanonicalRequestInput): string {
  const signed = [...input.signedHeaders].sort(compareCodeUnits);
  return [
    input.method.toUpperCase(),
    formatCanonicalUri(input.path),
    formatCanonicalQuery(input.query),
    formatCanonicalHeaders(input.headers, signed),
    signed.join(';'),
    input.hashedPayload,
  ].join('\n');
}

export function formatStringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${hashSha256Hex(canonicalRequest)}`;
}

export function computeSignature(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

export type Authorization = { accessKeyId: string; signedHeaders: string[]; signature: string };

// "ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex" -> its parts; null when malformed.
export function parseAuthorization(header: string | undefined): Authorization | null {
  if (!header) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space) !== ACS3_ALGORITHM) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return null;
  return { accessKeyId, signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()), signature };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
