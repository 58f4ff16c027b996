import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';
import { signRequest } from './sign-request.js';

// The gateway part: the real SDK's signed calls pass, anything else is refused as the service would.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000000 }], ...options });
  return emulator;
}

describe('emulator authentication', () => {
  it('accepts a call signed by the real SDK with the emulator key', async () => {
    const em = await start();
    const answer = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect(answer.statusCode).toBe(200);
    expect(answer.body.Success).toBe(true);
    expect(answer.body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const em = await start();
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 }, { id: 'emulator', secret: 'wrong' });
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.statusCode).toBe(400);
    expect(em.state.calls.at(-1)).toMatchObject({ action: 'GetProject', status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an unknown access key id', async () => {
    const em = await start();
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 }, { id: 'nobody', secret: 'emulator' });
    expect(err.code).toBe('InvalidAccessKeyId.NotFound');
    expect(err.statusCode).toBe(404);
  });

  it('accepts other configured credentials', async () => {
    const em = await start({ credentials: { LTAIexample: 's3cr3t' } });
    expect((await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 }, { id: 'LTAIexample', secret: 's3cr3t' })).statusCode).toBe(200);
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 });
    expect(err.code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('signs over the body: a large TaskContent with special characters still verifies', async () => {
    const em = await start();
    const content = JSON.stringify({ type: 'job', note: "it's (50%) *done* ~ 中文 + a&b=c", pad: 'x'.repeat(100_000) });
    const answer = await callWithSdk(em.url, 'UpdateDISyncTask', {
      ProjectId: 10000,
      FileId: 1000000,
      TaskType: 'DI_OFFLINE',
      TaskContent: content,
      TaskParam: '{"ResourceGroup":"S_res_group_1"}',
    });
    expect(answer.body.Data).toEqual({ Status: 'success' });
    expect(em.state.tasks.get('10000/1000000')?.taskContent).toBe(content);
  });

  it('refuses a request without an Authorization header', async () => {
    const em = await start();
    const res = await fetch(em.url + '/', {
      method: 'POST',
      headers: { 'x-acs-action': 'GetProject', 'x-acs-version': '2020-05-18', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ProjectId=10000',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });

  it('answers InvalidAction.NotFound for an unknown action and InvalidVersion for another version', async () => {
    const em = await start();
    const err = await callWithSdkFailing(em.url, 'DeleteEverything', { ProjectId: 10000 });
    expect(err.code).toBe('InvalidAction.NotFound');
    expect(err.statusCode).toBe(404);
    const res = await fetch(em.url + '/?Action=GetProject&Version=2019-01-01', { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'InvalidVersion' });
  });
});

describe('emulator authentication of hand-signed requests', () => {
  it('accepts a request signed independently of the SDK, and refuses its replay', async () => {
    const em = await start();
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const first = await fetch(req.url, req.init);
    expect(first.status).toBe(200);
    const replay = await fetch(req.url, req.init);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
  });

  it('refuses a body changed after signing', async () => {
    const em = await start();
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const res = await fetch(req.url, { ...req.init, body: 'ProjectId=20000' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
  });

  it('refuses a signed header changed after signing', async () => {
    const em = await start();
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const res = await fetch(req.url, { ...req.init, headers: { ...req.init.headers, 'x-acs-action': 'GetFile' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { Code: string; Message: string };
    expect(body.Code).toBe('SignatureDoesNotMatch');
    expect(body.Message).toContain('server string to sign is:ACS3-HMAC-SHA256');
  });

  it('refuses an x-acs-* header left out of SignedHeaders', async () => {
    const em = await start();
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const res = await fetch(req.url, { ...req.init, headers: { ...req.init.headers, 'x-acs-extra': '1' } });
    expect(await res.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });
});
