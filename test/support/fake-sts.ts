import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGithub } from './fake-github.js';

// Alibaba Cloud STS (2015-04-01) on 127.0.0.1, only AssumeRoleWithOIDC, in the service's shapes: an
// RPC call (Action and Version in the query, the parameters in the query or a form body), answered
// with RequestId, AssumedRoleUser, OIDCTokenInfo and Credentials; errors as RequestId, HostId, Code,
// Message, Recommend. It trusts the ID tokens the fake GitHub issued, for the audience
// sts.aliyuncs.com, while they have not expired. DurationSeconds must be 900 to the role's
// MaxSessionDuration. Each session's key goes into `keys` (give that object to the emulator as its
// credentials) and expireSessions() takes out those whose time is up, as the gateway would refuse them.

export type IssuedSession = { accessKeyId: string; accessKeySecret: string; durationSeconds: number; issuedAt: number; expiresAt: number; oidcToken: string; roleSessionName: string };
export type StsRequest = { action: string; version: string; parameters: Record<string, string>; status: number; code?: string };

export type FakeSts = {
  url: string;
  keys: Record<string, string>; // accessKeyId → secret of every session not yet expired
  sessions: IssuedSession[];
  requests: StsRequest[];
  expireSessions(): string[]; // the keys taken out
  close(): Promise<void>;
};

export type FakeStsOptions = {
  github: FakeGithub;
  roleArn: string;
  oidcProviderArn: string;
  maxSessionDuration?: number; // the role's MaxSessionDuration (default 3600)
  now?: () => number;
};

const AUDIENCE = 'sts.aliyuncs.com';

export async function startFakeSts(options: FakeStsOptions): Promise<FakeSts> {
  const now = options.now ?? Date.now;
  const keys: Record<string, string> = {};
  const sessions: IssuedSession[] = [];
  const requests: StsRequest[] = [];
  const maxSessionDuration = options.maxSessionDuration ?? 3600;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : new URLSearchParams();
      const parameters = { ...Object.fromEntries(target.searchParams), ...Object.fromEntries(form) };
      // The SDK's RPC calls name the action in headers too (x-acs-action, x-acs-version).
      const action = parameters.Action ?? String(req.headers['x-acs-action'] ?? '');
      const version = parameters.Version ?? String(req.headers['x-acs-version'] ?? '');
      const requestId = randomUUID().toUpperCase();
      const answer = (status: number, body: Record<string, unknown>) => {
        requests.push({ action, version, parameters, status, ...(typeof body.Code === 'string' ? { code: body.Code } : {}) });
        res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId });
        res.end(JSON.stringify({ RequestId: requestId, ...body }));
      };
      const fail = (status: number, code: string, message: string) => answer(status, { HostId: 'sts.aliyuncs.com', Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}` });

      if (req.method !== 'POST' && req.method !== 'GET') return fail(405, 'UnsupportedHTTPMethod', 'This http method is not supported.');
      if (action !== 'AssumeRoleWithOIDC' || version !== '2015-04-01') return fail(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
      for (const name of ['OIDCProviderArn', 'RoleArn', 'OIDCToken', 'RoleSessionName']) {
        if (!parameters[name]) return fail(400, `MissingParameter.${name}`, `The parameter ${name} is required.`);
      }
      if (parameters.OIDCProviderArn !== options.oidcProviderArn) return fail(404, 'EntityNotExist.OIDCProvider', 'The specified OIDC provider does not exist.');
      if (parameters.RoleArn !== options.roleArn) return fail(404, 'EntityNotExist.Role', 'The specified Role does not exists.');
      const duration = Number(parameters.DurationSeconds ?? '3600');
      if (!Number.isInteger(duration) || duration < 900 || duration > maxSessionDuration) {
        return fail(400, 'InvalidParameter.DurationSeconds', 'The Min/Max value of DurationSeconds is 15min/1hr.');
      }
      const token = options.github.idTokens.find((t) => t.value === parameters.OIDCToken);
      if (!token) return fail(400, 'AuthenticationFail.OIDCToken.Invalid', 'The OIDCToken is invalid.');
      if (token.audience !== AUDIENCE) return fail(400, 'AuthenticationFail.OIDCToken.Invalid', 'The audience of the OIDCToken is not a client id of the provider.');
      const at = now();
      if (at >= token.expiresAt) return fail(400, 'AuthenticationFail.OIDCToken.Expired', 'This JsonWebToken is expired.');

      const accessKeyId = `STS.${String(sessions.length + 1).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
      const accessKeySecret = randomBytes(20).toString('base64url');
      const session = { accessKeyId, accessKeySecret, durationSeconds: duration, issuedAt: at, expiresAt: at + duration * 1000, oidcToken: token.value, roleSessionName: parameters.RoleSessionName! };
      sessions.push(session);
      keys[accessKeyId] = accessKeySecret;
      const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return answer(200, {
        OIDCTokenInfo: { Subject: token.subject, Issuer: 'https://token.actions.githubusercontent.com', ClientIds: AUDIENCE, IssuanceTime: stamp(token.issuedAt), ExpirationTime: stamp(token.expiresAt) },
        AssumedRoleUser: { AssumedRoleId: `3500000000000000:${session.roleSessionName}`, Arn: `${options.roleArn}/${session.roleSessionName}` },
        Credentials: { AccessKeyId: accessKeyId, AccessKeySecret: accessKeySecret, SecurityToken: `CAIS${randomBytes(24).toString('base64url')}`, Expiration: stamp(session.expiresAt) },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    keys,
    sessions,
    requests,
    expireSessions() {
      const gone = sessions.filter((s) => s.expiresAt <= now() && s.accessKeyId in keys).map((s) => s.accessKeyId);
      for (const id of gone) delete keys[id];
      return gone;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
