import { afterEach, describe, expect, it } from 'vitest';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { callWithRetry } from '../../src/dataworks/call-with-retry.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { RemoteError } from '../../src/errors.js';
import { type RawHandler, sendJson, startRawServer } from './raw-server.js';

const SECRET = 'TOP-SECRET-VALUE-42';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(handler: RawHandler, timeouts = { connectMs: 2000, readMs: 5000 }) {
  const server = await startRawServer(handler);
  closers.push(server.close);
  const dataWorks = createDataWorks({
    endpoint: server.url,
    region: 'cn-hangzhou',
    credential: createAccessKeyCredential('emulator', SECRET),
    timeouts,
  });
  return { server, dataWorks };
}

async function remoteFailure(promise: Promise<unknown>): Promise<RemoteError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RemoteError);
  expect(JSON.stringify({ message: (err as Error).message, ...(err as object) })).not.toContain(SECRET);
  return err as RemoteError;
}

const update = { projectId: 10000, fileId: 1000000, taskContent: '{"type":"job"}', taskParam: '{"ResourceGroup":"S_res"}' };

describe('createDataWorks: successful calls', () => {
  it('updateDISyncTask sends a signed RPC call, every parameter in the query string as the SDK does, and returns the request id', async () => {
    const { server, dataWorks } = await serve((_req, res) => sendJson(res, 200, { RequestId: 'req-u', Success: true, Data: { Status: 'success' } }));
    expect(await dataWorks.updateDISyncTask(update)).toEqual({ requestId: 'req-u' });
    const [seen] = server.requests;
    expect(seen?.action).toBe('UpdateDISyncTask');
    expect(seen?.headers['x-acs-version']).toBe('2020-05-18');
    expect(String(seen?.headers['authorization'])).toMatch(/^ACS3-HMAC-SHA256 Credential=emulator,SignedHeaders=.*,Signature=[0-9a-f]{64}$/);
    expect(Object.fromEntries(seen?.query ?? [])).toEqual({
      ProjectId: '10000',
      FileId: '1000000',
      TaskType: 'DI_OFFLINE',
      TaskContent: '{"type":"job"}',
      TaskParam: '{"ResourceGroup":"S_res"}',
    });
    expect([...(seen?.body ?? [])]).toEqual([]);
  });

  it('getFile maps the file (never a folder path or a group), or null for an unknown file', async () => {
    const { dataWorks } = await serve((req, res) => {
      if (req.params.get('FileId') === '2') {
        sendJson(res, 400, { RequestId: 'req-missing', Code: 'Invalid.Tenant.FileNotExists', Message: 'The file does not exist.' });
        return;
      }
      sendJson(res, 200, {
        RequestId: 'req-f',
        Success: true,
        Data: {
          File: { FileId: 1, FileName: 'u_pk', FileType: 23, Content: '{"type":"job"}' },
          NodeConfiguration: { ResourceGroupId: 7 },
        },
      });
    });
    expect(await dataWorks.getFile({ projectId: 10000, fileId: 1 })).toEqual({
      requestId: 'req-f',
      // NodeConfiguration with no schedule field (only the numeric group): an empty schedule.
      file: { fileId: 1, fileName: 'u_pk', fileType: 23, content: '{"type":"job"}', schedule: {} },
    });
    expect(await dataWorks.getFile({ projectId: 10000, fileId: 2 })).toEqual({ requestId: 'req-missing', file: null });
  });

  it('listFiles, submitFile, deployFile, getDeployment and getProject map their answers', async () => {
    const { server, dataWorks } = await serve((req, res) => {
      const answers: Record<string, unknown> = {
        ListFiles: { Data: { TotalCount: 3, PageNumber: 1, PageSize: 2, Files: [{ FileId: 5, FileName: 'a', FileType: 23 }, { FileId: 6, FileName: 'b', AbsoluteFolderPath: 'y', FileType: 23 }] } },
        SubmitFile: { Data: 777 },
        DeployFile: { Data: 778 },
        GetDeployment: { Data: { Deployment: { Status: 2, ErrorMessage: 'compile failed' } } },
        GetProject: { Data: { ProjectMode: 3, ProjectIdentifier: 'sales_dw' } },
      };
      sendJson(res, 200, { RequestId: `req-${req.action}`, Success: true, ...(answers[req.action] as object) });
    });
    expect(await dataWorks.listFiles({ projectId: 1, fileTypes: '23', pageNumber: 1, pageSize: 2 })).toEqual({
      requestId: 'req-ListFiles',
      totalCount: 3,
      files: [
        { fileId: 5, fileName: 'a', folderPath: '', fileType: 23 },
        { fileId: 6, fileName: 'b', folderPath: 'y', fileType: 23 },
      ],
    });
    expect(Object.fromEntries(server.requests[0]?.body ?? [])).toMatchObject({ FileTypes: '23', PageNumber: '1', PageSize: '2', NeedAbsoluteFolderPath: 'true' });
    expect(await dataWorks.submitFile({ projectId: 1, fileId: 5, comment: 'dwsync' })).toEqual({ requestId: 'req-SubmitFile', deploymentId: 777 });
    expect(server.requests[1]?.body.get('Comment')).toBe('dwsync');
    expect(await dataWorks.deployFile({ projectId: 1, fileId: 5 })).toEqual({ requestId: 'req-DeployFile', deploymentId: 778 });
    expect(await dataWorks.getDeployment({ projectId: 1, deploymentId: 778 })).toEqual({
      requestId: 'req-GetDeployment',
      status: 'failed',
      checking: false,
      errorMessage: 'compile failed',
    });
    expect(await dataWorks.getProject({ projectId: 1 })).toEqual({ requestId: 'req-GetProject', mode: 'standard', defaultDiResourceGroup: null, identifier: 'sales_dw' });
    expect(Object.fromEntries(server.requests[4]?.query ?? [])).toEqual({ ProjectId: '1' });
  });
});

describe('createDataWorks: failures and their classification', () => {
  it('a 200 with Success: false is a non-retryable RemoteError', async () => {
    const { dataWorks } = await serve((_req, res) =>
      sendJson(res, 200, { RequestId: 'req-sf', Success: false, ErrorCode: 'Invalid.DI.Parameter', ErrorMessage: 'ResourceGroup:[S_res] is invalid.' }),
    );
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status: 200, code: 'Invalid.DI.Parameter', requestId: 'req-sf', retryable: false, quota: false });
    expect(err.message).toBe('ResourceGroup:[S_res] is invalid.');
  });

  it('a 200 with Data.Status fail is a non-retryable RemoteError with the service message', async () => {
    const { dataWorks } = await serve((_req, res) =>
      sendJson(res, 200, { RequestId: 'req-df', Success: true, Data: { Status: 'fail', Message: 'task content is invalid' } }),
    );
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status: 200, code: 'Invalid.DI.Parameter', requestId: 'req-df', retryable: false });
    expect(err.message).toContain('task content is invalid');
  });

  it.each([
    [500, { Code: 'InternalError', Message: 'oops', RequestId: 'r500' }, {}, { code: 'InternalError', retryable: true, quota: false, retryAfterMs: null }],
    [503, { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'r503' }, {}, { code: 'ServiceUnavailable', retryable: true, quota: false, retryAfterMs: null }],
    [429, { Code: 'Throttling.User', Message: 'slow down', RequestId: 'r429' }, { 'retry-after': '2' }, { code: 'Throttling.User', retryable: true, quota: false, retryAfterMs: 2000 }],
    [400, { Code: 'Throttling.Api', Message: 'slow down', RequestId: 'r400' }, {}, { code: 'Throttling.Api', retryable: true, quota: false, retryAfterMs: null }],
    [400, { Code: 'Throttling.Api.Risk', Message: 'slow down', RequestId: 'rq' }, {}, { code: 'Throttling.Api.Risk', retryable: true, quota: false, retryAfterMs: null }],
    [400, { Code: 'Throttling.System', Message: 'busy', RequestId: 'rs' }, {}, { code: 'Throttling.System', retryable: true, quota: false, retryAfterMs: null }],
    [403, { Code: 'Forbidden.RAM', Message: 'no', RequestId: 'r403' }, {}, { code: 'Forbidden.RAM', retryable: false, quota: false, retryAfterMs: null }],
  ])('HTTP %i %j', async (status, body, headers, expected) => {
    const { dataWorks } = await serve((_req, res) => sendJson(res, status, body, headers));
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status, requestId: body.RequestId, ...expected });
  });

  it('an HTML error page is retryable with a 5xx and not with a 4xx, even when calls overlap', async () => {
    const { dataWorks } = await serve((req, res) => {
      res.writeHead(req.params.get('FileId') === '1' ? 502 : 404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Bad Gateway</h1></body></html>');
    });
    const [gateway, notFound] = await Promise.all([
      remoteFailure(dataWorks.updateDISyncTask({ ...update, fileId: 1 })),
      remoteFailure(dataWorks.updateDISyncTask({ ...update, fileId: 2 })),
    ]);
    expect(gateway).toMatchObject({ status: 502, code: 'InvalidResponse', retryable: true });
    expect(notFound).toMatchObject({ status: 404, code: 'InvalidResponse', retryable: false });
  });

  it('a truncated JSON body is retryable', async () => {
    const { dataWorks } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"RequestId":"r-trunc","Success":tr');
    });
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status: 200, code: 'TruncatedResponse', retryable: true });
  });

  it('a body cut short of its Content-Length is a retryable network error', async () => {
    const { dataWorks } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"RequestId":"r-cut",');
      setImmediate(() => res.socket?.destroy());
    });
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err.retryable).toBe(true);
    expect(err.status).toBeNull();
  });

  it('a socket reset before any answer is retryable', async () => {
    const { dataWorks } = await serve((_req, res) => res.socket?.destroy());
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status: null, code: 'ECONNRESET', retryable: true });
  });

  it('a refused connection (closed port) is retryable', async () => {
    const { server, dataWorks } = await serve(() => {});
    await server.close();
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(err).toMatchObject({ status: null, code: 'ECONNREFUSED', retryable: true });
    // In words, with the URL; not the SDK's run-together "ECONNREFUSED 127.0.0.1:1POST http://...".
    expect(err.message).toBe(`cannot connect to ${server.url}: connection refused (is anything listening there?)`);
  });

  it('an https endpoint that speaks plain HTTP is said in words, with the URL to use', async () => {
    const server = await startRawServer((_req, res) => sendJson(res, 200, {}));
    closers.push(server.close);
    const https = createDataWorks({ endpoint: `https://127.0.0.1:${server.port}`, region: 'cn-hangzhou', credential: createAccessKeyCredential('emulator', SECRET) });
    const err = await remoteFailure(https.getProject({ projectId: 1 }));
    expect(err.message).toBe(`cannot connect to https://127.0.0.1:${server.port}: the endpoint speaks plain HTTP, use http://127.0.0.1:${server.port}`);
    expect(err.message).not.toMatch(/ssl3|wrong version|EPROTO/);
  });

  it('a server that never answers is a retryable timeout', async () => {
    const { dataWorks } = await serve(() => {}, { connectMs: 100, readMs: 200 });
    const err = await remoteFailure(dataWorks.updateDISyncTask(update));
    expect(['ReadTimeout', 'ConnectTimeout']).toContain(err.code);
    expect(err).toMatchObject({ status: null, retryable: true });
  });
});

describe('createDataWorks with callWithRetry over real HTTP', () => {
  it('retries 503 and throttling until the call succeeds', async () => {
    let calls = 0;
    const { dataWorks } = await serve((_req, res) => {
      calls++;
      if (calls === 1) return sendJson(res, 503, { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'a' });
      if (calls === 2) return sendJson(res, 400, { Code: 'Throttling.User', Message: 'slow', RequestId: 'b' });
      sendJson(res, 200, { RequestId: 'c', Success: true, Data: { Status: 'success' } });
    });
    const sleeps: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms) };
    const result = await callWithRetry(() => dataWorks.updateDISyncTask(update), {}, { clock, random: () => 0.5 });
    expect(result).toEqual({ value: { requestId: 'c' }, attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('a 200 with Success: false and a Throttling* code is retried and slows the rate down', async () => {
    let calls = 0;
    const { dataWorks } = await serve((_req, res) => {
      calls++;
      if (calls === 1) return sendJson(res, 200, { RequestId: 'a', Success: false, ErrorCode: 'Throttling.System', ErrorMessage: 'busy' });
      sendJson(res, 200, { RequestId: 'b', Success: true, Data: { Status: 'success' } });
    });
    let throttles = 0;
    const limiter = { take: async () => {}, onThrottle: () => void throttles++ };
    const clock = { now: () => 0, sleep: async () => {} };
    const result = await callWithRetry(() => dataWorks.updateDISyncTask(update), {}, { clock, random: () => 0, limiter });
    expect(result.attempts).toBe(2);
    expect(throttles).toBe(1);
  });
});
