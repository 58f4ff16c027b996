import { randomUUID } from 'node:crypto';
import {
  computeSignature,
  formatCanonicalRequest,
  formatStringToSign,
  hashSha256Hex,
} from '../../src/emulator/acs3-signature.js';

// A minimal ACS3 signer independent of the SDK, so tests can send exact, replayable or tampered requests.

export type RawRequest = { url: string; init: { method: string; headers: Record<string, string>; body: string } };

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
    'x-acs-content-sha256': hashSha256Hex(body),
  };
  const signedHeaders = Object.keys(headers).sort();
  const canonical = formatCanonicalRequest({ method: 'POST', path: '/', query: [], headers, signedHeaders, hashedPayload: hashSha256Hex(body) });
  const signature = computeSignature(key.secret, formatStringToSign(canonical));
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  return { url: `${baseUrl}/`, init: { method: 'POST', headers, body } };
}
