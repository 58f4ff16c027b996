import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signAcs3, type SignInput } from './sign-request.js';

// Alibaba Cloud's published V3 signature example (test/fixtures/acs3-signature-example.json),
// reproduced by the test signer, which shares no code with the emulator's verifier.
describe('the test signer', () => {
  const { signedHeaders, signature, ...example } = JSON.parse(readFileSync(new URL('../fixtures/acs3-signature-example.json', import.meta.url), 'utf8')) as SignInput & {
    signedHeaders: string;
    signature: string;
  };

  it('reproduces the published example signature', () => {
    const signed = signAcs3(example);
    expect(signed.signedHeaders).toBe(signedHeaders);
    expect(signed.signature).toBe(signature);
  });

  it('changes the signature with any signed part', () => {
    const base = signAcs3(example).signature;
    expect(signAcs3({ ...example, secret: 'other' }).signature).not.toBe(base);
    expect(signAcs3({ ...example, query: [['RegionId', 'cn-hangzhou']] }).signature).not.toBe(base);
    expect(signAcs3({ ...example, body: 'x' }).signature).not.toBe(base);
  });
});
