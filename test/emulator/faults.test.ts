import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';
import { signRequest } from './sign-request.js';

// Each scripted fault produces on the wire what it claims; read raw, and through the SDK where
// the SDK's reaction is what a client must handle.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000000 }] });
  return emulator;
}

const post = (em: Emulator, action = 'GetProject') => fetch(`${em.url}/?Action=${action}&Version=2020-05-18`, { method: 'POST' });

describe('emulator faults', () => {
  it('http: the given status and code as a JSON error', async () => {
    const em = await start();
    em.failNext({ kind: 'http', status: 429, code: 'Throttling.Api', message: 'slow down' });
    const res = await post(em);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ Code: 'Throttling.Api', Message: 'slow down' });
    expect(em.state.calls.at(-1)).toMatchObject({ action: 'GetProject', status: 429, code: 'Throttling.Api' });
  });

  it('html: a proxy error page that is not JSON', async () => {
    const em = await start();
    em.failNext({ kind: 'html', status: 504 });
    const res = await post(em);
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('<title>504 Gateway Timeout</title>');
  });

  it('truncated: a 200 whose JSON is cut short, which the SDK fails to parse', async () => {
    const em = await start();
    em.failNext({ kind: 'truncated' }, { times: 2 });
    const res = await post(em);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"RequestId":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const err = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 });
    expect(err.name).toBe('SyntaxError');
  });

  it('reset: the connection is destroyed without an answer', async () => {
    const em = await start();
    em.failNext({ kind: 'reset' });
    await expect(post(em)).rejects.toThrow();
    expect(em.state.calls.at(-1)).toMatchObject({ status: null, code: 'reset' });
    // The fault was used up: the next call is answered normally.
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const next = await fetch(req.url, req.init);
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ Success: true });
  });

  it('hang: the call is answered normally, late', async () => {
    const em = await start();
    em.failNext({ kind: 'hang', ms: 30 });
    const req = signRequest(em.url, 'GetProject', { ProjectId: '10000' });
    const res = await fetch(req.url, req.init);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ Success: true, Data: { ProjectId: 10000 } });
  });

  it('success-false: HTTP 200 with Success false, which the SDK does not throw for', async () => {
    const em = await start();
    em.failNext({ kind: 'success-false', code: 'Invalid.DI.Parameter', message: 'nope' });
    const answer = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect(answer.statusCode).toBe(200);
    // GetProject's model has no ErrorCode/ErrorMessage: the code travels in the common Code/Message.
    expect(answer.body).toMatchObject({ Success: false, Code: 'Invalid.DI.Parameter', Message: 'nope', HttpStatusCode: 200 });
    expect(answer.body).not.toHaveProperty('ErrorCode');
    em.failNext({ kind: 'success-false', code: 'Throttling.System', message: 'busy' });
    const file = await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1 });
    expect(file.body).toMatchObject({ Success: false, ErrorCode: 'Throttling.System', ErrorMessage: 'busy' });
  });

  it('status-fail: HTTP 200, Success true, Data.Status fail; the task is not changed', async () => {
    const em = await start();
    em.failNext({ kind: 'status-fail', message: 'resource group busy' }, { action: 'UpdateDISyncTask' });
    const answer = await callWithSdk(em.url, 'UpdateDISyncTask', {
      ProjectId: 10000,
      FileId: 1000000,
      TaskType: 'DI_OFFLINE',
      TaskContent: '{"type":"job"}',
      TaskParam: '{"ResourceGroup":"g"}',
    });
    expect(answer.body).toMatchObject({ Success: true, Data: { Status: 'fail', Message: 'resource group busy' } });
    expect(em.state.tasks.get('10000/1000000')?.updates).toBe(0);
  });

  it('targets one action and counts down its times', async () => {
    const em = await start();
    em.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { action: 'GetFile', times: 2 });
    expect((await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 })).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect((await callWithSdkFailing(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000000 })).code).toBe('ServiceUnavailable');
    }
    expect((await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000000 })).statusCode).toBe(200);
    expect(em.state.faults).toEqual([]);
  });

  it('takes faults from another process through POST /__emulator/faults', async () => {
    const em = await start();
    const queued = await fetch(`${em.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify([{ kind: 'html' }, { kind: 'http', status: 400, code: 'Throttling.User', action: 'GetProject' }]),
    });
    expect(queued.status).toBe(201);
    expect((await fetch(`${em.url}/__emulator/faults`).then((r) => r.json())) as unknown[]).toHaveLength(2);
    expect((await post(em)).status).toBe(502);
    expect((await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 })).code).toBe('Throttling.User');
    const bad = await fetch(`${em.url}/__emulator/faults`, { method: 'POST', body: '{"kind":"explode"}' });
    expect(bad.status).toBe(400);
    await fetch(`${em.url}/__emulator/faults`, { method: 'POST', body: '{"kind":"reset"}' });
    await fetch(`${em.url}/__emulator/faults`, { method: 'DELETE' });
    expect(em.state.faults).toEqual([]);
  });
});
