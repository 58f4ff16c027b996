import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';
import { signRequest } from './sign-request.js';

// One call through the emulated gateway and service: a scripted fault comes first, then the version,
// the operation's name, the signature and flow control, then the handler; every answer is recorded.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions = {}) {
  emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000000 }], ...options });
  return emulator;
}

// Neither signed nor of the right version: only what comes before those checks can answer it 200.
const unsigned = (em: Emulator, query: string, init: RequestInit = {}) => fetch(`${em.url}/?${query}`, { method: 'POST', ...init });

describe('handleApiCall: the order of the checks', () => {
  it('a scripted fault answers before the gateway looks at the version or the signature', async () => {
    const em = await start();
    em.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable', message: 'down' });
    const res = await unsigned(em, 'Action=GetProject&Version=1999-01-01');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ Code: 'ServiceUnavailable', Message: 'down' });
    expect(em.state.calls).toHaveLength(1);
    expect(em.state.calls[0]).toMatchObject({ action: 'GetProject', status: 503, code: 'ServiceUnavailable' });
  });

  it('checks the version before the operation name, and the name before the signature', async () => {
    const em = await start();
    const wrongVersion = await unsigned(em, 'Action=DropEverything&Version=2017-01-01');
    expect(wrongVersion.status).toBe(400);
    expect(await wrongVersion.json()).toMatchObject({ Code: 'InvalidVersion', Message: 'Specified parameter Version is not valid.' });
    const unknown = await unsigned(em, 'Action=DropEverything&Version=2020-05-18');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ Code: 'InvalidAction.NotFound' });
    const noSignature = await unsigned(em, 'Action=GetProject&Version=2020-05-18');
    expect(noSignature.status).toBe(400);
    expect(await noSignature.json()).toMatchObject({ Code: 'IncompleteSignature' });
    expect(em.state.calls.map((c) => c.code)).toEqual(['InvalidVersion', 'InvalidAction.NotFound', 'IncompleteSignature']);
  });

  it('authenticates before flow control: a refused signature uses no QPS slot and no quota', async () => {
    let clock = Date.now();
    const em = await start({ qps: 1, quotaAfter: 1, now: () => clock });
    for (let i = 0; i < 3; i++) {
      const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 }, { id: 'emulator', secret: 'wrong' });
      expect(err.code).toBe('SignatureDoesNotMatch');
    }
    expect(em.state.admitted).toEqual([]);
    expect(em.state.apiCalls).toBe(0);
    expect((await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 })).statusCode).toBe(200);
    clock += 1000;
    expect((await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 })).code).toBe('Throttling.Api.Risk');
  });

  it('flow control answers before the handler: a throttled update changes nothing', async () => {
    const em = await start({ quotaAfter: 0 });
    const err = await callWithSdkFailing(em.url, 'UpdateDISyncTask', {
      ProjectId: 10000,
      FileId: 1000000,
      TaskType: 'DI_OFFLINE',
      TaskContent: '{"type":"job"}',
      TaskParam: '{"ResourceGroup":"g"}',
    });
    expect(err.code).toBe('Throttling.Api.Risk');
    expect(err.statusCode).toBe(429);
    expect(em.state.tasks.get('10000/1000000')).toMatchObject({ updates: 0, taskContent: '' });
  });

  it('a handler refusal carries the error fields the operation models, and only those', async () => {
    const em = await start();
    const file = await callWithSdkFailing(em.url, 'GetFile', { ProjectId: 10000, FileId: 42 });
    expect(file.statusCode).toBe(400);
    expect(Object.keys(file.data ?? {}).sort()).toEqual(
      ['Code', 'ErrorCode', 'ErrorMessage', 'HostId', 'HttpStatusCode', 'Message', 'Recommend', 'RequestId', 'Success', 'statusCode'].sort(),
    );
    expect(file.data).toMatchObject({ Success: false, ErrorCode: 'Invalid.Tenant.FileNotExists', HttpStatusCode: 400 });
    const update = await callWithSdkFailing(em.url, 'UpdateDISyncTask', { ProjectId: 10000, TaskType: 'DI_OFFLINE' });
    expect(update.data).toMatchObject({ Code: 'MissingFileId', Success: false });
    expect(update.data).not.toHaveProperty('ErrorCode');
    expect(update.data).not.toHaveProperty('HttpStatusCode');
  });
});

describe('handleApiCall: what it reads and records', () => {
  it('records every answer: where each parameter came from, the status, the code, the body and the request id', async () => {
    const clock = Date.now(); // fixed: every record bears this time
    const em = await start({ now: () => clock });
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const res = await fetch(`${req.url}?Lang=en`, req.init).catch(() => null);
    // The query took part in the signature's canonical request: adding one afterwards breaks it.
    expect(res?.status).toBe(400);
    const signed = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const ok = await fetch(signed.url, signed.init);
    const body = (await ok.json()) as Record<string, unknown>;
    const record = em.state.calls.at(-1)!;
    expect(record).toMatchObject({
      action: 'GetProject',
      method: 'POST',
      query: {},
      body: { ProjectId: '10000' },
      parameters: { ProjectId: '10000' },
      status: 200,
      time: new Date(clock).toISOString(),
    });
    expect(record.code).toBeUndefined();
    expect(record.answer).toEqual(body);
    expect(record.requestId).toBe(ok.headers.get('x-acs-request-id'));
    expect(body.RequestId).toBe(record.requestId);
    expect(em.state.calls[0]).toMatchObject({ status: 400, code: 'SignatureDoesNotMatch', query: { Lang: 'en' } });
  });

  it('takes a form field over the same query parameter, and x-acs-action over Action', async () => {
    const em = await start();
    await fetch(`${em.url}/?Action=GetFile&ProjectId=1&Version=2020-05-18`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-action': 'GetProject' },
      body: 'ProjectId=10000',
    });
    expect(em.state.calls[0]).toMatchObject({
      action: 'GetProject',
      query: { Action: 'GetFile', ProjectId: '1', Version: '2020-05-18' },
      body: { ProjectId: '10000' },
      parameters: { Action: 'GetFile', ProjectId: '10000', Version: '2020-05-18' },
    });
  });

  it('answers a body over 8 MiB with 413 RequestEntityTooLarge, and records it', async () => {
    const em = await start();
    const res = await unsigned(em, 'Action=GetProject&Version=2020-05-18', { body: Buffer.alloc(8 * 1024 * 1024 + 1, 0x61) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ Code: 'RequestEntityTooLarge', Message: 'request body over 8388608 bytes' });
    expect(em.state.calls[0]).toMatchObject({ status: 413, code: 'RequestEntityTooLarge', action: '' });
  });

  it('an undocumented-field fault adds the field at its dot path to an otherwise valid answer', async () => {
    const em = await start();
    em.failNext({ kind: 'undocumented-field', path: 'Data.Extra.Deep', value: 7 });
    const answer = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect((answer.body.Data as Record<string, unknown>).Extra).toEqual({ Deep: 7 });
    expect(answer.body).toMatchObject({ Success: true, Data: { ProjectId: 10000 } });
    const next = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect(next.body.Data).not.toHaveProperty('Extra');
  });
});
