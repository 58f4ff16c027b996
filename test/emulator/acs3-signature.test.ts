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

// Alibaba Cloud's published V3 signature example (RunInstances on ECS).
const example = {
  method: 'POST',
  path: '/',
  query: [
    ['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'],
    ['RegionId', 'cn-shanghai'],
  ] as Array<[string, string]>,
  headers: {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-content-sha256': hashSha256Hex(''),
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-version': '2014-05-26',
  },
  signedHeaders: ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'],
  hashedPayload: hashSha256Hex(''),
};

describe('ACS3-HMAC-SHA256', () => {
  it('reproduces the published example signature', () => {
    const canonical = formatCanonicalRequest(example);
    const signature = computeSignature('YourAccessKeySecret', formatStringToSign(canonical));
    expect(signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('builds the canonical request line by line', () => {
    const lines = formatCanonicalRequest(example).split('\n');
    expect(lines[0]).toBe('POST');
    expect(lines[1]).toBe('/');
    expect(lines[2]).toBe('ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai');
    expect(lines[3]).toBe('host:ecs.cn-shanghai.aliyuncs.com');
    expect(lines.at(-2)).toBe(example.signedHeaders.join(';'));
    expect(lines.at(-1)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives a different signature for a different secret or a changed header', () => {
    const good = computeSignature('YourAccessKeySecret', formatStringToSign(formatCanonicalRequest(example)));
    expect(computeSignature('other', formatStringToSign(formatCanonicalRequest(example)))).not.toBe(good);
    const moved = { ...example, headers: { ...example.headers, 'x-acs-action': 'StopInstance' } };
    expect(computeSignature('YourAccessKeySecret', formatStringToSign(formatCanonicalRequest(moved)))).not.toBe(good);
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
