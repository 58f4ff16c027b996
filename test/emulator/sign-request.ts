import { createHash, createHmac, randomUUID } from 'node:crypto';

// An ACS3-HMAC-SHA256 signer written from Alibaba Cloud's published description of the V3 signature,
// sharing no code with the emulator or the SDK (only node:crypto), so tests can send exact, replayable
// or tampered requests and the emulator's verifier is checked against a second implementation.
// sign-request.test.ts checks it against the published example.

export type RawRequest = { url: string; init: { method: string; headers: Record<string, string>; body: string } };

export type SignInput = {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>; // names in lower case; every one is signed
  body: string;
  secret: string;
};

// RFC 3986: everything but unreserved characters percent-encoded, space as %20.
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function signAcs3(input: SignInput): { signature: string; signedHeaders: string; canonicalRequest: string } {
  const names = Object.keys(input.headers).map((name) => name.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const query = input.query
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalRequest = [
    input.method,
    input.path,
    query,
    names.map((name) => `${name}:${String(lower[name]).trim()}\n`).join(''),
    names.join(';'),
    sha256Hex(input.body),
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', input.secret).update(stringToSign, 'utf8').digest('hex');
  return { signature, signedHeaders: names.join(';'), canonicalRequest };
}

export function signRequest(baseUrl: string, action: string, form: Record<string, string>, key = { id: 'emulator', secret: 'emulator' }): RawRequest {
  const url = new URL(baseUrl);
  const body = new URLSearchParams(form).toString();
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-www-form-urlencoded',
    'x-acs-action': action,
    'x-acs-version': '2020-05-18',
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256Hex(body),
  };
  const { signature, signedHeaders } = signAcs3({ method: 'POST', path: '/', query: [], headers, body, secret: key.secret });
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { url: `${baseUrl}/`, init: { method: 'POST', headers, body } };
}
