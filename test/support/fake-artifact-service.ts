import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The Actions artifact service as @actions/artifact (v2 and later) uses it for an upload, on
// 127.0.0.1, in the shapes of the toolkit's sources (packages/artifact: the generated Twirp client
// of github.actions.results.api.v1.ArtifactService and blob-upload.ts):
// 1. POST {ACTIONS_RESULTS_URL}/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact,
//    bearer ACTIONS_RUNTIME_TOKEN, JSON with proto field names (workflow_run_backend_id,
//    workflow_job_run_backend_id, name, version, mime_type, expires_at) → {ok, signed_upload_url};
// 2. the content PUT to that signed URL as an Azure block blob (Put Block ?comp=block&blockid=…,
//    then Put Block List ?comp=blocklist with the XML list), as @azure/storage-blob sends it;
// 3. POST …/FinalizeArtifact {workflow_run_backend_id, workflow_job_run_backend_id, name, size, hash}
//    → {ok, artifact_id}. Errors are Twirp's {code, msg} (the client reads msg).
// The runtime token is a JWT whose scp claim names the run and job ("Actions.Results:RUN:JOB"); the
// backend ids sent must be those. A name already used in the run is refused, as on GitHub.

export type StoredArtifact = { id: number; name: string; mimeType: string | null; size: number; hash: string; content: Buffer };
export type ArtifactRequest = { method: string; path: string; status: number };

export type FakeArtifactService = {
  url: string; // ACTIONS_RESULTS_URL
  runtimeToken: string; // ACTIONS_RUNTIME_TOKEN
  artifacts: StoredArtifact[]; // finalized ones
  requests: ArtifactRequest[];
  refuseCreate(answer: { status: number; code: string; msg: string } | null): void;
  close(): Promise<void>;
};

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const ACCOUNT = 'productionresultssa0';
const CONTAINER = 'actions-results';

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const runId = randomUUID();
  const jobId = randomUUID();
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const runtimeToken = `${part({ typ: 'JWT', alg: 'RS256' })}.${part({ scp: `Actions.ExampleScope Actions.Results:${runId}:${jobId}`, exp: 4_102_444_800 })}.${randomBytes(16).toString('base64url')}`;
  const artifacts: StoredArtifact[] = [];
  const requests: ArtifactRequest[] = [];
  // Created, not yet finalized: name → where its content goes and the signature of that URL.
  const pending = new Map<string, { blob: string; sig: string; mimeType: string | null }>();
  const blobs = new Map<string, { blocks: Map<string, Buffer>; content: Buffer | null; contentType: string | null }>();
  let refusal: { status: number; code: string; msg: string } | null = null;
  let nextId = 1001;
  let url = '';

  const record = (req: IncomingMessage, status: number) => requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname, status });
  const twirp = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown) => {
    record(req, status);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const twirpError = (req: IncomingMessage, res: ServerResponse, status: number, code: string, msg: string) => twirp(req, res, status, { code, msg });
  const azure = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string> = {}, body = '') => {
    record(req, status);
    res.writeHead(status, { 'x-ms-request-id': randomUUID(), 'x-ms-version': '2025-05-05', date: new Date().toUTCString(), ...headers });
    res.end(body);
  };
  const azureError = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) =>
    azure(req, res, status, { 'content-type': 'application/xml', 'x-ms-error-code': code }, `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);

  const handleTwirp = (req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer) => {
    if (req.headers.authorization !== `Bearer ${runtimeToken}`) return twirpError(req, res, 401, 'unauthenticated', 'the runtime token is missing or invalid');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return twirpError(req, res, 415, 'bad_route', 'unexpected Content-Type');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return twirpError(req, res, 400, 'malformed', 'the request is not JSON');
    }
    if (body.workflow_run_backend_id !== runId || body.workflow_job_run_backend_id !== jobId) {
      return twirpError(req, res, 400, 'invalid_argument', 'the backend ids are not those of the runtime token');
    }
    const name = typeof body.name === 'string' ? body.name : '';
    if (method === 'CreateArtifact') {
      if (refusal) return twirpError(req, res, refusal.status, refusal.code, refusal.msg);
      if (name === '' || /[":<>|*?\r\n\\/]/.test(name)) return twirpError(req, res, 400, 'invalid_argument', `invalid artifact name ${JSON.stringify(name)}`);
      if (typeof body.version !== 'number' || body.version < 4) return twirpError(req, res, 400, 'invalid_argument', 'unsupported artifact version');
      if (pending.has(name) || artifacts.some((a) => a.name === name)) {
        return twirpError(req, res, 409, 'already_exists', 'an artifact with this name already exists on the workflow run');
      }
      const blob = `/${ACCOUNT}/${CONTAINER}/${runId}/${jobId}/${encodeURIComponent(name)}`;
      const sig = randomBytes(24).toString('base64url');
      pending.set(name, { blob, sig, mimeType: typeof body.mime_type === 'string' ? body.mime_type : null });
      blobs.set(blob, { blocks: new Map(), content: null, contentType: null });
      const query = new URLSearchParams({ sv: '2025-05-05', se: '2099-01-01T00:00:00Z', sr: 'b', sp: 'cw', sig });
      return twirp(req, res, 200, { ok: true, signed_upload_url: `${url}${blob}?${query.toString()}` });
    }
    if (method === 'FinalizeArtifact') {
      const created = pending.get(name);
      const content = created ? blobs.get(created.blob)?.content : null;
      if (!created || !content) return twirpError(req, res, 404, 'not_found', `no uploaded artifact named ${JSON.stringify(name)}`);
      const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
      if (String(body.size) !== String(content.length)) return twirpError(req, res, 400, 'invalid_argument', `size ${String(body.size)} is not the ${content.length} bytes uploaded`);
      if (body.hash !== undefined && body.hash !== hash) return twirpError(req, res, 400, 'invalid_argument', 'the hash does not match the content uploaded');
      pending.delete(name);
      const artifact = { id: nextId++, name, mimeType: created.mimeType, size: content.length, hash, content };
      artifacts.push(artifact);
      // int64 fields travel as strings in protobuf's JSON.
      return twirp(req, res, 200, { ok: true, artifact_id: String(artifact.id) });
    }
    return twirpError(req, res, 404, 'bad_route', `no method ${method}`);
  };

  const handleBlob = (req: IncomingMessage, res: ServerResponse, target: URL, raw: Buffer) => {
    const blob = blobs.get(target.pathname);
    const created = [...pending.values()].find((p) => p.blob === target.pathname);
    if (!blob || !created) return azureError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist.');
    if (target.searchParams.get('sig') !== created.sig) return azureError(req, res, 403, 'AuthenticationFailed', 'Server failed to authenticate the request.');
    if (req.method !== 'PUT') return azureError(req, res, 405, 'UnsupportedHttpVerb', 'The resource does not support the specified HTTP verb.');
    const comp = target.searchParams.get('comp');
    if (comp === 'block') {
      const id = target.searchParams.get('blockid');
      if (!id) return azureError(req, res, 400, 'InvalidQueryParameterValue', 'blockid is required.');
      blob.blocks.set(id, raw);
      return azure(req, res, 201, { 'x-ms-request-server-encrypted': 'true' });
    }
    if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
      const missing = ids.filter((id) => !blob.blocks.has(id));
      if (missing.length > 0) return azureError(req, res, 400, 'InvalidBlockList', 'The specified block list is invalid.');
      blob.content = Buffer.concat(ids.map((id) => blob.blocks.get(id)!));
      blob.contentType = String(req.headers['x-ms-blob-content-type'] ?? '') || null;
      return azure(req, res, 201, { etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-server-encrypted': 'true' });
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      blob.content = raw;
      return azure(req, res, 201, { etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`, 'last-modified': new Date().toUTCString() });
    }
    return azureError(req, res, 400, 'InvalidQueryParameterValue', `unexpected comp ${String(comp)}`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks);
      if (target.pathname.startsWith(SERVICE) && req.method === 'POST') return handleTwirp(req, res, target.pathname.slice(SERVICE.length), raw);
      if (target.pathname.startsWith(`/${ACCOUNT}/`)) return handleBlob(req, res, target, raw);
      return twirpError(req, res, 404, 'bad_route', `no route ${req.method ?? ''} ${target.pathname}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    runtimeToken,
    artifacts,
    requests,
    refuseCreate: (answer) => {
      refusal = answer;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
