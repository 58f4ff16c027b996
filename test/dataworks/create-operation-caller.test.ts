import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccessKeyCredential, Config, OpenApiClient } from '../../src/dataworks/alicloud-sdk.js';
import { createOperationCaller } from '../../src/dataworks/create-operation-caller.js';
import { operations } from '../../src/dataworks/operations/operations.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { RemoteError } from '../../src/errors.js';
import { sendJson, startRawServer, type RawHandler } from './raw-server.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function clientFor(url: string): OpenApiClient {
  return new OpenApiClient(
    new Config({ credential: createAccessKeyCredential('emulator', 'emulator'), endpoint: url.replace('http://', ''), protocol: 'http', regionId: 'cn-hangzhou', connectTimeout: 5000, readTimeout: 5000 }),
  );
}

async function raw(handler: RawHandler) {
  const server = await startRawServer(handler);
  closers.push(server.close);
  return server;
}

async function emulator(): Promise<Emulator> {
  const started = await startEmulator({ port: 0, seed: [{ projectId: 10000, fileId: 1 }] });
  closers.push(() => started.close());
  return started;
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as RemoteError);

describe('createOperationCaller', () => {
  it('sends each operation with its method, signed, and returns the parsed answer, the status and the whole body', async () => {
    const emu = await emulator();
    const call = createOperationCaller(clientFor(emu.url), 'http');
    const { answer, status, body } = await call(operations.ListDataSources, { ProjectId: 10000, PageSize: 10 });
    expect(status).toBe(200);
    expect(answer.Data?.TotalCount).toBe(0);
    expect(body['HttpStatusCode']).toBe(200);
    await call(operations.GetFile, { ProjectId: 10000, FileId: 1 });
    expect(emu.state.calls.map((c) => [c.action, c.method, c.status])).toEqual([
      ['ListDataSources', 'GET', 200],
      ['GetFile', 'POST', 200],
    ]);
  });

  it('each call carries its own id header, and concurrent failures each keep their own status and Retry-After', async () => {
    // Both answered at the same moment with a page that is not JSON (the SDK then drops the status):
    // FileId 1 a 404 without Retry-After, FileId 2 a 503 with one.
    const held: Array<() => void> = [];
    const server = await raw((req, res) => {
      const busy = req.params.get('FileId') === '2';
      held.push(() => (res.writeHead(busy ? 503 : 404, { 'content-type': 'text/html', ...(busy ? { 'retry-after': '7' } : {}) }), res.end('<html>x</html>')));
      if (held.length === 2) for (const answer of held) answer();
    });
    const call = createOperationCaller(clientFor(server.url), 'http');
    for (let round = 0; round < 5; round++) {
      held.length = 0;
      const [missing, busy] = await Promise.all([failure(call(operations.GetFile, { FileId: 1 })), failure(call(operations.GetFile, { FileId: 2 }))]);
      expect([missing?.status, missing?.retryAfterMs, missing?.retryable, busy?.status, busy?.retryAfterMs, busy?.retryable]).toEqual([404, null, false, 503, 7000, true]);
    }
    const ids = server.requests.map((r) => r.headers['x-dwsync-call-id']);
    expect(new Set(ids).size).toBe(10);
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('reads a 2xx body itself: one that is not JSON is InvalidResponse with its status, not described as a network failure', async () => {
    const server = await raw((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('not json');
    });
    const described: RemoteError[] = [];
    const call = createOperationCaller(clientFor(server.url), 'http', (e) => (described.push(e), e));
    const err = await failure(call(operations.GetFile, { FileId: 1 }));
    expect(err).toMatchObject({ code: 'InvalidResponse', status: 200, retryable: false });
    expect(described).toEqual([]);
  });

  it('passes a failure without an answer through describeEndpoint', async () => {
    const server = await raw(() => {});
    await server.close();
    const call = createOperationCaller(clientFor(server.url), 'http', (e) => new RemoteError({ message: `described: ${e.code}`, status: null, code: e.code, retryable: e.retryable }));
    const err = await failure(call(operations.GetFile, { FileId: 1 }));
    expect(err?.message).toBe('described: ECONNREFUSED');
  });

  it('a 200 with Success: false is refused with the service code, whatever the SDK thinks of it', async () => {
    const server = await raw((_req, res) => sendJson(res, 200, { RequestId: 'r', Success: false, ErrorCode: 'Invalid.Tenant.ProjectNotExists', ErrorMessage: 'no project' }));
    const err = await failure(createOperationCaller(clientFor(server.url), 'http')(operations.GetProject, { ProjectId: 1 }));
    expect(err).toMatchObject({ code: 'Invalid.Tenant.ProjectNotExists', message: 'no project', status: 200, requestId: 'r' });
  });

  it('leaves no listener on the HTTP diagnostics channel once calls are done, failed or not', async () => {
    const server = await raw((req, res) => (req.params.get('FileId') === '1' ? sendJson(res, 200, { RequestId: 'r' }) : sendJson(res, 500, { Code: 'InternalError' })));
    const call = createOperationCaller(clientFor(server.url), 'http');
    await call(operations.GetFile, { FileId: 1 });
    await failure(call(operations.GetFile, { FileId: 2 }));
    expect(diagnosticsChannel.channel('http.client.response.finish').hasSubscribers).toBe(false);
  });
});
