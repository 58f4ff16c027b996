import { describe, expect, it } from 'vitest';
import { answer, fail } from '../../../src/emulator/handlers/operation-handler.js';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator } from './seeded-emulator.js';

// What a handler returns: a refusal with its status, code and message, or an answer body to which
// the server adds the RequestId.

const start = useSeededEmulator();

describe('operation handler results', () => {
  it('fail and answer build the two outcomes', () => {
    expect(fail(403, 'Forbidden.DI.NoPrivilege', 'no')).toEqual({ ok: false, status: 403, code: 'Forbidden.DI.NoPrivilege', message: 'no' });
    const body = { Success: true, Data: { Status: 'success' } };
    expect(answer('UpdateDISyncTask', body)).toEqual({ ok: true, body });
  });

  it('on the wire, a refusal is its status and code, and an answer gains the RequestId the server sent', async () => {
    const em = await start();
    const refused = await callWithSdkFailing(em.url, 'GetFile', { ProjectId: 10000, FileId: 5 });
    expect([refused.statusCode, refused.code, refused.data?.Message]).toEqual([400, 'Invalid.Tenant.FileNotExists', 'The file does not exist. FileId:[5].']);
    const ok = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect(ok.body.RequestId).toBe(em.state.calls.at(-1)?.requestId);
    expect(Object.keys(ok.body)[0]).toBe('RequestId');
  });
});
