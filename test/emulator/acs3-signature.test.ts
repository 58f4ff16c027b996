import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  encodeRfc3986,
  formatCanonicalQuery,
  formatCanonicalRequest,
  formatStringToSign,
  hashSha256Hex,
  parseAuthorization,
} from '../../src/emulator/acs3-signature.js';

// Alibaba Cloud's published V3 signature example (RunInstances on ECS), shared with sign-request.test.ts.
type Published = { method: string; path: string; query: Array<[string, string]>; headers: Record<string, string>; body: string; secret: string; signedHeaders: string; signature: string };
const published = JSON.parse(readFileSync(new URL('../fixtures/acs3-signature-example.json', import.meta.url), 'utf8')) as Published;
const example = {
  method: published.method,
  path: published.path,
  query: published.query,
  headers: published.headers,
  signedHeaders: published.signedHeaders.split(';'),
  hashedPayload: hashSha256Hex(published.body),
};

describe('ACS3-HMAC-SHA256', () => {
  it('reproduces the published example signature', () => {
    const canonical = formatCanonicalRequest(example);
    const signature = computeSignature(published.secret, formatStringToSign(canonical));
    expect(signature).toBe(published.signature);
    expect(example.hashedPayload).toBe(published.headers['x-acs-content-sha256']);
  });

  it('builds the canonical request line by line', () => {
    const lines = formatCanonicalRequest(example).split('\n');
    expect(lines[0]).toBe('POST');
    expect(lines[1]).toBe('/');
    expect(lines[2]).toBe('ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai');
    expect(lines[3]).toBe('host:ecs.cn-shanghai.aliyuncs.com');
    expect(lines.at(-2)).toBe(published.signedHeaders);
    expect(lines.at(-1)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives a different signature for a different secret or a changed header', () => {
    const good = computeSignature(published.secret, formatStringToSign(formatCanonicalRequest(example)));
    expect(computeSignature('other', formatStringToSign(formatCanonicalRequest(example)))).not.toBe(good);
    const moved = { ...example, headers: { ...example.headers, 'x-acs-action': 'StopInstance' } };
    expect(computeSignature(published.secret, formatStringToSign(formatCanonicalRequest(moved)))).not.toBe(good);
  });

  it('encodes query keys and values per RFC 3986 and sorts them', () => {
    expect(encodeRfc3986("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
    expect(formatCanonicalQuery([['b', '2'], ['a', 'x y'], ['a', '1']])).toBe('a=1&a=x%20y&b=2');
  });

  it('parses an Authorization header and rejects other schemes', () => {
    expect(parseAuthorization('ACS3-HMAC-SHA256 Credential=emulator,SignedHeaders=host;x-acs-date,Signature=ab12')).toEqual({
      accessKeyId: 'emulator',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'ab12',
    });
    expect(parseAuthorization('acs emulator:abc')).toBeNull();
    expect(parseAuthorization('ACS3-HMAC-SHA256 Credential=x')).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});
