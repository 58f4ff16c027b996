import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../src/core/text/canonical-json.js';
import type { JsonValue } from '../../../src/core/text/json.js';
import { canonicalJsonWithHashedSecrets, hashSecrets, isSecretKey, isSecretPointer, maskSecrets } from '../../../src/core/task/secret-keys.js';

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

describe('canonicalJsonWithHashedSecrets', () => {
  it('sorts the keys at every depth and hashes the secrets, as canonicalJson of hashSecrets does', () => {
    const value = { b: [{ z: 1, password: 'hunter2' }], a: { token: { y: 2, x: 1 }, pwd: '${p}' } };
    expect(canonicalJsonWithHashedSecrets(value, 'salt-1')).toBe(canonicalJson(hashSecrets(value, 'salt-1')));
    expect(canonicalJsonWithHashedSecrets(value, 'salt-1')).toMatch(/^\{"a":\{"pwd":"sensitive:hmac-sha256:[0-9a-f]{64}","token":"sensitive:hmac-sha256:[0-9a-f]{64}"\},"b":\[\{"password":"sensitive:/);
  });

  it('equals canonicalJson of hashSecrets for any JSON value', () => {
    const key = fc.oneof(fc.constantFrom('password', 'token', 'accessKey', 'a', 'b', '1', '10', '__proto__', 'constructor'), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 0 }), tie('array'), tie('object')),
      array: fc.array(tie('any'), { maxLength: 3 }),
      object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
    })).any as fc.Arbitrary<JsonValue>;
    fc.assert(fc.property(value, (v) => canonicalJsonWithHashedSecrets(v, 'salt-1') === canonicalJson(hashSecrets(v, 'salt-1'))));
  });
});

