import { describe, expect, it } from 'vitest';
import { scrubMessage } from '../../src/dataworks/scrub-message.js';

describe('scrubMessage', () => {
  const secrets: Array<[string, string, string]> = [
    ['query signature', 'GET http://h/?Action=X&Signature=AbC%2Bdef&Version=1 failed.', 'AbC%2Bdef'],
    ['authorization header', 'Authorization: ACS3-HMAC-SHA256 Credential=LTAIkey,SignedHeaders=host,Signature=deadbeef\nnext', 'deadbeef'],
    ['json secret', '{"AccessKeySecret":"s3cr3t","AccessKeyId":"LTAI"}', 's3cr3t'],
    ['security token', 'x-acs-security-token: CAIS.token.value', 'CAIS.token.value'],
    ['form token', 'SecurityToken=tok123&Foo=bar', 'tok123'],
    ['camel secret', "accessKeySecret: 'abc'", 'abc'],
  ];
  it.each(secrets)('removes %s', (_name, text, secret) => {
    const scrubbed = scrubMessage(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('***');
  });

  it('keeps ordinary text and the access key id', () => {
    expect(scrubMessage('Invalid.DI.Parameter: ResourceGroup:[S_res] is invalid.')).toBe(
      'Invalid.DI.Parameter: ResourceGroup:[S_res] is invalid.',
    );
    expect(scrubMessage('SignatureDoesNotMatch for AccessKeyId=LTAI123')).toBe('SignatureDoesNotMatch for AccessKeyId=LTAI123');
    expect(scrubMessage('GET http://h/?A=1&Version=2 failed.')).toContain('Version=2');
  });
});
