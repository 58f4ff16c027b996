import { randomUUID } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { InternalError, RemoteError, UserInputError } from '../errors.js';
import { Config, Credential, OpenApiClient, OpenApiRequest, Params } from './alicloud-sdk.js';
import { classifyError, type ResponseSeen } from './classify-error.js';
import type { DataWorks } from './data-works.js';
import { guardCredential } from './guard-credential.js';
import * as read from './read-response.js';
import { resolveEndpoint } from './resolve-endpoint.js';

type CallApiRuntime = Parameters<OpenApiClient['callApi']>[2];

export type CreateDataWorksOptions = {
  endpoint: string | null; // a URL such as http://127.0.0.1:8787; null = dataworks.<region>.aliyuncs.com
  region: string;
  credential?: Credential; // default: the Alibaba Cloud default credential chain
  timeouts?: { connectMs: number; readMs: number };
};

// Lets a call find its own HTTP response among concurrent ones (not signed, ignored by the service).
const CALL_ID_HEADER = 'x-dwsync-call-id';
const RESPONSE_CHANNEL = 'http.client.response.finish';

export function createDataWorks(options: CreateDataWorksOptions): DataWorks {
  const { host, protocol } = resolveEndpoint(options.endpoint, options.region);
  const timeouts = options.timeouts ?? { connectMs: 5_000, readMs: 30_000 };
  const credential = guardCredential(options.credential ?? new Credential());
  const client = new OpenApiClient(
    new Config({
      credential,
      endpoint: host,
      protocol,
      regionId: options.region,
      // httpx (under the SDK) uses the connect timeout as the socket's idle timeout for the whole
      // call, so a shorter one would cut every answer slower than it; it cannot be shorter.
      connectTimeout: Math.max(timeouts.connectMs, timeouts.readMs),
      readTimeout: timeouts.readMs,
    }),
  );

  // One RPC call: its parsed, checked body, or a RemoteError (or UserInputError for credentials).
  async function call(action: string, params: Record<string, string | number | boolean>): Promise<{ body: Record<string, unknown>; status: number }> {
    const callId = randomUUID();
    let seen: ResponseSeen | null = null;
    // The SDK drops the headers of an error response (Retry-After) and, for a body that is not
    // JSON, its status too; the HTTP client's diagnostics channel still shows both.
    const onResponse = (message: unknown) => {
      const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
      if (request.getHeader(CALL_ID_HEADER) !== callId) return;
      seen = { status: response.statusCode ?? null, headers: response.headers, now: Date.now() };
    };
    diagnosticsChannel.subscribe(RESPONSE_CHANNEL, onResponse);
    try {
      const body = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
      const response = await client.callApi(
        new Params({
          action,
          version: '2020-05-18',
          protocol,
          pathname: '/',
          method: 'POST',
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          // Read as text and parse here, so a bad 2xx body is classified with its status.
          bodyType: 'string',
        }),
        new OpenApiRequest({ body, headers: { [CALL_ID_HEADER]: callId } }),
        {} as CallApiRuntime,
      );
      const status = Number(response['statusCode'] ?? 200);
      return { body: read.readSucceededBody(String(response['body'] ?? ''), status), status };
    } catch (err) {
      if (err instanceof UserInputError || err instanceof RemoteError) throw err;
      throw classifyError(err, seen);
    } finally {
      diagnosticsChannel.unsubscribe(RESPONSE_CHANNEL, onResponse);
    }
  }

  return {
    async verifyCredentials() {
      await credential.getCredential();
    },
    async updateDISyncTask(input) {
      const { body, status } = await call('UpdateDISyncTask', {
        ProjectId: input.projectId,
        FileId: input.fileId,
        TaskType: 'DI_OFFLINE',
        TaskContent: input.taskContent,
        TaskParam: input.taskParam,
      });
      return read.readUpdateResult(body, status);
    },
    async getFile(ref) {
      try {
        const { body, status } = await call('GetFile', { ProjectId: ref.projectId, FileId: ref.fileId });
        return { requestId: read.readRequestId(body), file: read.readLiveFile(body, status) };
      } catch (err) {
        if (err instanceof RemoteError && isMissingFile(err)) return { requestId: err.requestId ?? '', file: null };
        throw err;
      }
    },
    async listFiles(input) {
      const { body, status } = await call('ListFiles', {
        ProjectId: input.projectId,
        FileTypes: input.fileTypes,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        NeedAbsoluteFolderPath: true,
      });
      return { requestId: read.readRequestId(body), ...read.readFileList(body, status) };
    },
    async submitFile(ref) {
      const { body, status } = await call('SubmitFile', withComment({ ProjectId: ref.projectId, FileId: ref.fileId }, ref.comment));
      return { requestId: read.readRequestId(body), deploymentId: read.readDeploymentId(body, status) };
    },
    async deployFile(ref) {
      const { body, status } = await call('DeployFile', withComment({ ProjectId: ref.projectId, FileId: ref.fileId }, ref.comment));
      return { requestId: read.readRequestId(body), deploymentId: read.readDeploymentId(body, status) };
    },
    async getDeployment(input) {
      const { body, status } = await call('GetDeployment', { ProjectId: input.projectId, DeploymentId: input.deploymentId });
      return { requestId: read.readRequestId(body), ...read.readDeployment(body, status) };
    },
    async getProject(input) {
      const { body, status } = await call('GetProject', { ProjectId: input.projectId });
      return { requestId: read.readRequestId(body), mode: read.readProjectMode(body, status) };
    },
    // PENDING: these five come with the shared operation definitions being written elsewhere; until
    // they are merged, a call fails plainly instead of guessing at the request.
    findFiles: () => Promise.reject(new InternalError('ListFiles by name: not wired to the client yet')),
    createDISyncTask: () => Promise.reject(new InternalError('CreateDISyncTask: not wired to the client yet')),
    deleteFile: () => Promise.reject(new InternalError('DeleteFile: not wired to the client yet')),
    listDataSources: () => Promise.reject(new InternalError('ListDataSources: not wired to the client yet')),
    listResourceGroups: () => Promise.reject(new InternalError('ListResourceGroups: not wired to the client yet')),
  };
}

// The service's "invalid file" answers (e.g. Invalid.Tenant.FileNotExists, Invalid.File.NotExist).
export function isMissingFile(err: RemoteError): boolean {
  return !err.retryable && /File\.?Not\.?Exists?|File\.?NotFound|Invalid\.File\b|InvalidFile/i.test(err.code);
}

function withComment<T extends Record<string, string | number>>(params: T, comment: string | undefined): T & { Comment?: string } {
  return comment === undefined ? params : { ...params, Comment: comment };
}
