import { getIDToken } from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActionCredential, readOidcRole } from '../../src/action/create-action-credential.js';
import { GIVE_UP_BEFORE_MS, RENEW_BEFORE_MS, RETRY_MS } from '../../src/action/oidc-session-credential.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { RemoteError, UserInputError } from '../../src/errors.js';
import { createFakeClock, type FakeClock } from '../support/fake-clock.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { startFakeSts, type FakeSts } from '../support/fake-sts.js';

// The Action's OIDC role session over real HTTP: GitHub's ID token endpoint (the fake GitHub), STS
// AssumeRoleWithOIDC (a fake STS) and DataWorks (the emulator, which accepts only the keys of
// sessions STS issued and has not yet seen expire). Time is a fake clock for the credential, GitHub's
// tokens and STS alike; the emulator checks signatures against real time, as the SDK signs.

const ROLE = 'acs:ram::1234567890123456:role/dwsync-apply';
const PROVIDER = 'acs:ram::1234567890123456:oidc-provider/github';
const REQUEST_TOKEN = 'id-token-request-token-0123456789';
const START = Date.parse('2026-12-01T10:00:00Z');
const MINUTE = 60_000;
const REF = { projectId: 10000, fileId: 1000001 };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Setup = { clock: FakeClock; github: FakeGithub; sts: FakeSts; emulator: Emulator; log: string[]; dataWorks: ReturnType<typeof createDataWorks> };

async function setup(durationSeconds = 3600, maxSessionDuration = 3600): Promise<Setup> {
  const clock = createFakeClock(START);
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs', idTokenRequestToken: REQUEST_TOKEN, now: clock.now });
  cleanups.push(() => github.close());
  const sts = await startFakeSts({ github, roleArn: ROLE, oidcProviderArn: PROVIDER, maxSessionDuration, now: clock.now });
  cleanups.push(() => sts.close());
  const emulator = await startEmulator({ credentials: sts.keys, seed: [REF] });
  cleanups.push(() => emulator.close());
  // @actions/core reads these from the process environment, as on a runner.
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', github.idTokenUrl);
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', REQUEST_TOKEN);
  const role = readOidcRole({
    ALIBABA_CLOUD_ROLE_ARN: ROLE,
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER,
    ACTIONS_ID_TOKEN_REQUEST_URL: github.idTokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    DWSYNC_STS_ENDPOINT: sts.url,
    GITHUB_RUN_ID: '4242',
  });
  const log: string[] = [];
  const credential = createActionCredential(role!, durationSeconds, {
    clock,
    fetchIdToken: getIDToken,
    info: (m) => log.push(`info: ${m}`),
    warn: (m) => log.push(`warning: ${m}`),
  });
  return { clock, github, sts, emulator, log, dataWorks: createDataWorks({ endpoint: emulator.url, region: 'cn-hangzhou', credential }) };
}

// Moves the clock to `ms` after the start; the gateway then refuses the keys of sessions that ended.
async function at(s: Setup, ms: number): Promise<void> {
  await s.clock.advance(START + ms - s.clock.now());
  s.sts.expireSessions();
}

const readTask = (s: Setup) => s.dataWorks.getFile(REF);

describe('the Action OIDC role session', () => {
  it('renews the session with a fresh ID token before it ends, so calls hours later are signed with the new one', async () => {
    const s = await setup();
    await readTask(s);
    expect(s.sts.sessions).toHaveLength(1);
    const first = s.sts.sessions[0]!;
    expect(s.sts.requests[0]).toMatchObject({ action: 'AssumeRoleWithOIDC', version: '2015-04-01' });
    expect(s.sts.requests[0]?.parameters).toMatchObject({ RoleArn: ROLE, OIDCProviderArn: PROVIDER, DurationSeconds: '3600', RoleSessionName: 'dwsync-4242-1' });
    expect(s.github.idTokens.map((t) => t.audience)).toEqual(['sts.aliyuncs.com']);

    // Not yet due: the same session.
    await at(s, 60 * MINUTE - RENEW_BEFORE_MS - 1000);
    await readTask(s);
    expect(s.sts.sessions).toHaveLength(1);

    // Due: a new ID token (the first expired long ago) and a new session, one for calls made at once.
    await at(s, 60 * MINUTE - RENEW_BEFORE_MS);
    await Promise.all([readTask(s), readTask(s), readTask(s), readTask(s)]);
    expect(s.sts.sessions).toHaveLength(2);
    expect(s.github.idTokens).toHaveLength(2);
    expect(s.sts.sessions[1]?.oidcToken).toBe(s.github.idTokens[1]?.value);

    // Past the first session's end the gateway refuses its key; the calls go on with the second.
    await at(s, 61 * MINUTE);
    expect(s.sts.keys).not.toHaveProperty(first.accessKeyId);
    await expect(createDataWorks({ endpoint: s.emulator.url, region: 'cn-hangzhou', credential: createAccessKeyCredential(first.accessKeyId, first.accessKeySecret) }).getFile(REF)).rejects.toMatchObject({ code: 'InvalidAccessKeyId.NotFound' });
    await readTask(s);

    // Up to six hours, a call every ten minutes: a new session every 55 minutes, each from its own ID token.
    for (let t = 70 * MINUTE; t <= 6 * 60 * MINUTE; t += 10 * MINUTE) {
      await at(s, t);
      await readTask(s);
    }
    expect(s.sts.sessions.map((x) => (x.issuedAt - START) / MINUTE)).toEqual([0, 55, 110, 170, 230, 290, 350]);
    expect(new Set(s.sts.sessions.map((x) => x.oidcToken)).size).toBe(7);
    expect(Object.keys(s.sts.keys)).toEqual([s.sts.sessions[6]!.accessKeyId]);
    // Every call of ours went through; the one refused was the first session's key, after its end.
    const calls = (await (await fetch(`${s.emulator.url}/__emulator/calls`)).json()) as Array<{ action: string; status: number; code?: string }>;
    expect(calls.filter((c) => c.status !== 200).map((c) => c.code)).toEqual(['InvalidAccessKeyId.NotFound']);
    expect(calls.filter((c) => c.status === 200)).toHaveLength(7 + 30);
    expect(s.log.filter((l) => l.startsWith('warning'))).toEqual([]);
    expect(s.log[1]).toBe('info: role session for acs:ram::1234567890123456:role/dwsync-apply assumed with a fresh GitHub ID token, valid until 2026-12-01T11:55:00Z');
  });

  it('asks STS for the session duration given, up to the role maximum', async () => {
    const s = await setup(6 * 3600, 12 * 3600);
    await readTask(s);
    expect(s.sts.requests[0]?.parameters.DurationSeconds).toBe('21600');
    await at(s, 6 * 60 * MINUTE - RENEW_BEFORE_MS - 1000);
    await readTask(s);
    expect(s.sts.sessions).toHaveLength(1);
    await at(s, 6 * 60 * MINUTE - RENEW_BEFORE_MS);
    await readTask(s);
    expect(s.sts.sessions).toHaveLength(2);
  });

  it('retries a failed renewal while the session holds, then fails the calls with the reason, and recovers when GitHub does', async () => {
    const s = await setup();
    await readTask(s);
    s.github.refuseIdTokens({ status: 403, message: 'Resource not accessible by integration' });

    await at(s, 60 * MINUTE - RENEW_BEFORE_MS);
    await readTask(s); // still the first session
    expect(s.log.at(-1)).toMatch(
      /^warning: renewing the role session failed \(getting a GitHub ID token failed: .*403.*\); the current one holds until 2026-12-01T11:00:00Z, trying again in 30 s$/,
    );
    const asked = s.github.requests.length;
    await at(s, 60 * MINUTE - RENEW_BEFORE_MS + RETRY_MS - 1000);
    await readTask(s);
    expect(s.github.requests.length).toBe(asked); // not before RETRY_MS

    await at(s, 60 * MINUTE - GIVE_UP_BEFORE_MS);
    const error = await readTask(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'RoleSessionNotRenewed', quota: true, retryable: false });
    expect((error as Error).message).toMatch(
      /^the Alibaba Cloud role session for acs:ram::1234567890123456:role\/dwsync-apply ends at 2026-12-01T11:00:00Z and could not be renewed: getting a GitHub ID token failed: .*403/,
    );

    s.github.refuseIdTokens(null);
    await at(s, 60 * MINUTE - GIVE_UP_BEFORE_MS + RETRY_MS);
    await readTask(s);
    expect(s.sts.sessions).toHaveLength(2);
  });

  it('a role session STS refuses at the start stops the run before any call, with STS own words', async () => {
    const s = await setup(7200, 3600);
    const error = await s.dataWorks.verifyCredentials!().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toBe(
      'could not get an Alibaba Cloud role session for acs:ram::1234567890123456:role/dwsync-apply: STS AssumeRoleWithOIDC failed: InvalidParameter.DurationSeconds: The Min/Max value of DurationSeconds is 15min/1hr.',
    );
    const calls = (await (await fetch(`${s.emulator.url}/__emulator/calls`)).json()) as unknown[];
    expect(calls).toEqual([]);
  });
});

describe('readOidcRole', () => {
  const base = {
    ALIBABA_CLOUD_ROLE_ARN: ROLE,
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER,
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '2',
  };

  it('names the role, a session for the run, and the global STS endpoint', () => {
    expect(readOidcRole(base)).toEqual({ roleArn: ROLE, oidcProviderArn: PROVIDER, roleSessionName: 'dwsync-77-2', stsEndpoint: 'https://sts.aliyuncs.com' });
  });

  it('takes the STS region, an endpoint override and a session name from the environment', () => {
    expect(readOidcRole({ ...base, ALIBABA_CLOUD_STS_REGION: 'cn-shanghai' })?.stsEndpoint).toBe('https://sts.cn-shanghai.aliyuncs.com');
    expect(readOidcRole({ ...base, DWSYNC_STS_ENDPOINT: 'http://127.0.0.1:9' })?.stsEndpoint).toBe('http://127.0.0.1:9');
    expect(readOidcRole({ ...base, ALIBABA_CLOUD_ROLE_SESSION_NAME: 'mine' })?.roleSessionName).toBe('mine');
  });

  it('leaves the default chain in charge with access keys, without a role, or without id-token: write', () => {
    expect(readOidcRole({ ...base, ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI' })).toBeNull();
    expect(readOidcRole({ ...base, ALIBABA_CLOUD_ROLE_ARN: '' })).toBeNull();
    expect(readOidcRole({ ...base, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: undefined })).toBeNull();
    expect(readOidcRole({ ...base, ACTIONS_ID_TOKEN_REQUEST_URL: undefined })).toBeNull();
    expect(readOidcRole({ ...base, ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' })).toBeNull();
  });
});
