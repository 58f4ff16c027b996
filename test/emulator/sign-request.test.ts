import { describe, expect, it } from 'vitest';

import { signAcs3 } from './sign-request.js';

// Alibaba Cloud's published V3 signature example (RunInstances on ECS, secret "YourAccessKeySecret"),
// reproduced by the test signer, which shares no code with the emulator's verifier.
describe('the test signer', () => {
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
      'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-version': '2014-05-26',
    },
    body: '',
    secret: 'YourAccessKeySecret',
  };

  it('reproduces the published example signature', () => {
    const signed = signAcs3(example);
    expect(signed.signedHeaders).toBe('host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version');
    expect(signed.signature).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('changes the signature with any signed part', () => {
    const base = signAcs3(example).signature;
    expect(signAcs3({ ...example, secret: 'other' }).signature).not.toBe(base);
    expect(signAcs3({ ...example, query: [['RegionId', 'cn-hangzhou']] }).signature).not.toBe(base);
    expect(signAcs3({ ...example, body: 'x' }).signature).not.toBe(base);
  });
});
