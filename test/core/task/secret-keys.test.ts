import { describe, expect, it } from 'vitest';

import { hashSecrets, isSecretKey, isSecretPointer, maskSecrets } from '../../../src/core/task/secret-keys.js';

describe('secret keys', () => {
  it.each(['password', 'Password', 'passwd', 'pwd', 'accessKey', 'accessKeySecret', 'access_key', 'token', 'securityToken', 'secret', 'apiKey', 'privateKey'])(
    '%s is secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(['passengers', 'datasource', 'column', 'table', 'accessId', 'endpoint', 'username'])('%s is not secret', (key) =>
    expect(isSecretKey(key)).toBe(false),
  );

  it('hashes secret values with the salt, idempotently, keeping everything else', () => {
    const value = { a: { password: 'hunter2', user: 'bob' }, list: [{ token: 1 }] };
    const one = hashSecrets(value, 'salt-1');
    expect(JSON.stringify(one)).not.toContain('hunter2');
    expect(one).toMatchObject({ a: { user: 'bob' } });
    expect(hashSecrets(one, 'salt-1')).toEqual(one);
    expect(hashSecrets(value, 'salt-2')).not.toEqual(one);
    expect(hashSecrets({ a: { password: 'hunter3', user: 'bob' }, list: [{ token: 1 }] }, 'salt-1')).not.toEqual(one);
  });

  it('masks values and recognises pointers through secret keys', () => {
    expect(maskSecrets({ p: { password: { deep: 1 } }, q: 1 })).toEqual({ p: { password: '(sensitive)' }, q: 1 });
    expect(isSecretPointer('/steps/0/parameter/password')).toBe(true);
    expect(isSecretPointer('/steps/0/parameter/passwordHint/x')).toBe(false);
    expect(isSecretPointer('/steps/0/parameter/column')).toBe(false);
  });
});

describe('hashSecrets, the hash', () => {
  it('writes a keyed hash as sensitive:hmac-sha256: and 64 hex digits, in lists too', () => {
    const hashed = hashSecrets({ list: [{ token: 'abc' }] }, 'salt-1') as { list: { token: string }[] };
    expect(hashed.list[0]!.token).toMatch(/^sensitive:hmac-sha256:[0-9a-f]{64}$/);
  });
});
