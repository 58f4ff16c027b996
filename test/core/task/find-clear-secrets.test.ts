import { describe, expect, it } from 'vitest';
import { findClearSecrets } from '../../../src/core/task/find-clear-secrets.js';

const message = (key: string) =>
  `${key} is written in the task file: DataWorks stores it in clear in the task's code; keep credentials in a DataWorks data source and name it with "datasource"`;

describe('findClearSecrets', () => {
  it('finds a value written under a secret-looking key, at its path', () => {
    expect(findClearSecrets({ steps: [{ parameter: { user: 'root', password: 'hunter2' } }] }, ['taskContent'])).toEqual([
      { path: ['taskContent', 'steps', 0, 'parameter', 'password'], message: message('password') },
    ]);
  });

  it('finds every one, in document order', () => {
    expect(findClearSecrets({ accessKey: 'a', nested: [{ token: 't' }] }, []).map((s) => s.path)).toEqual([['accessKey'], ['nested', 0, 'token']]);
  });

  it('does not count scheduling parameters, empty strings or non-strings as values', () => {
    expect(findClearSecrets({ password: '${db_password}', pwd: '$[yyyymmdd]', token: '', secret: 5, apiKey: null }, [])).toEqual([]);
  });

  it('does not count a mask as a value: stars, after at most a short prefix', () => {
    expect(findClearSecrets({ accessKey: '*********', apiKey: 'sk-****', token: 'ak_***' }, [])).toEqual([]);
  });

  it('counts a value that only holds stars among other text, or too few of them', () => {
    const values = { password: 'pa**word', accessKey: 'LTAI5t***x', apiKey: 'sk-**', secret: 'longprefix-****' };
    expect(findClearSecrets(values, []).map((s) => s.path)).toEqual([['password'], ['accessKey'], ['apiKey'], ['secret']]);
  });

  it('counts text that only starts like a parameter', () => {
    expect(findClearSecrets({ password: '${a}b' }, []).map((s) => s.path)).toEqual([['password']]);
  });

  it('looks inside a mapping under a secret-looking key', () => {
    expect(findClearSecrets({ credential: { password: 'x' } }, []).map((s) => s.path)).toEqual([['credential', 'password']]);
  });

  it('gives each finding a path of its own and leaves the given path as it was', () => {
    const root = ['taskContent'];
    const found = findClearSecrets({ a: [{ password: 'x' }, { token: 'y' }], b: { secret: 'z' } }, root);
    expect(found.map((s) => s.path)).toEqual([
      ['taskContent', 'a', 0, 'password'],
      ['taskContent', 'a', 1, 'token'],
      ['taskContent', 'b', 'secret'],
    ]);
    expect(root).toEqual(['taskContent']);
  });
});
