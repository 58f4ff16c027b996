import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../src/errors.js';
import { explainWrongApi, isWrongApi } from '../../src/remote/wrong-api.js';

const remote = (code: string, message: string) => new RemoteError({ message, status: 400, code, requestId: 'r1', retryable: false });

describe('a workspace answering in the other API generation', () => {
  it('is known by the codes and by "Code does not exist" on a 2020-05-18 call, not by any other error', () => {
    expect(isWrongApi(remote('Invalid.DataStudio.LegacyApi', 'x'), '2020-05-18')).toBe(true);
    expect(isWrongApi(remote('Invalid.DataStudio.NotEnabled', 'x'), '2024-05-18')).toBe(true);
    expect(isWrongApi(remote('Forbidden', 'Code does not exist: UpdateDISyncTask'), '2020-05-18')).toBe(true);
    expect(isWrongApi(remote('Forbidden', 'Code does not exist: UpdateNode'), '2024-05-18')).toBe(false);
    expect(isWrongApi(remote('Invalid.File.NotExist', 'The file does not exist'), '2020-05-18')).toBe(false);
    expect(isWrongApi(new Error('Code does not exist'), '2020-05-18')).toBe(false);
  });

  it('explained: the same code and request id, no retry, the attempts kept, and the setting to change named', () => {
    const error = Object.assign(remote('Invalid.DataStudio.LegacyApi', 'Code does not exist'), { attempts: 2 });
    const legacy = explainWrongApi(error, 20000, '2020-05-18');
    expect(legacy).toMatchObject({ code: 'Invalid.DataStudio.LegacyApi', requestId: 'r1', status: 400, retryable: false, attempts: 2, cause: error });
    expect(legacy.message).toBe(
      'Code does not exist (workspace 20000 answers as a new Data Studio one: set workspaces."20000".api to "2024-05-18" in dwsync.yaml (dwsync doctor shows what the service suggests) and name its tasks by nodeId, or by name and folder (dwsync rekey))',
    );
    expect(explainWrongApi(remote('Invalid.DataStudio.NotEnabled', 'not enabled'), 10000, '2024-05-18').message).toBe(
      'not enabled (workspace 10000 answers as a legacy Data Studio one: remove workspaces."10000" from dwsync.yaml, or set its api to "2020-05-18")',
    );
  });
});
