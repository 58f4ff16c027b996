import { describe, expect, it } from 'vitest';
import { scrubMessage, secretsFromEnv } from '../../src/dataworks/scrub-message.js';

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

describe('scrubMessage with known credential values', () => {
  it('removes a credential echoed without its key name, raw or URL-encoded', () => {
    const literals = secretsFromEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'SeCr3t/Value+1', ALIBABA_CLOUD_SECURITY_TOKEN: 'StsTokenXYZ' });
    const text = 'bad request for SeCr3t/Value+1 and SeCr3t%2FValue%2B1 with StsTokenXYZ';
    expect(scrubMessage(text, literals)).toBe('bad request for *** and *** with ***');
  });

  it('leaves short values alone, so ordinary words survive', () => {
    expect(scrubMessage('the key abc failed', ['abc'])).toBe('the key abc failed');
  });
});
