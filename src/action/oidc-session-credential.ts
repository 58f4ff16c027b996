import { Credential } from '../dataworks/alicloud-sdk.js';
import type { RoleSession } from '../dataworks/assume-role-with-oidc.js';
import { errorMessage, RemoteError, UserInputError } from '../errors.js';
import type { Clock } from '../ports.js';

// Renewal starts this long before the session ends, and is tried again every RETRY_MS while the
// session still holds; past GIVE_UP_BEFORE_MS a call could outlive its signature's session.
export const RENEW_BEFORE_MS = 5 * 60_000;
export const GIVE_UP_BEFORE_MS = 60_000;
export const RETRY_MS = 30_000;

export type OidcSessionDeps = {
  clock: Pick<Clock, 'now'>;
  durationSeconds: number;
  roleArn: string;
  fetchIdToken(): Promise<string>; // a fresh GitHub ID token: each lives only minutes
  assumeRole(oidcToken: string): Promise<RoleSession>;
  info(message: string): void;
  warn(message: string): void;
};

type Held = { session: RoleSession; endsAt: number };

// The credential of a role assumed with GitHub's OIDC token, kept valid for as long as the run lasts:
// near the end of each session it fetches a new ID token and assumes the role again. A role session
// cannot be extended, only replaced, and GitHub's ID tokens expire within minutes, so a token file
// written before the step (what @alicloud/credentials' own OIDC provider re-reads) would be stale by
// then. Concurrent calls share one renewal. A renewal that fails while the session still holds is
// retried; once it can no longer be, calls fail with the reason and the run starts no new ones.
export function createOidcSessionCredential(deps: OidcSessionDeps): Credential {
  let held: Held | null = null;
  let renewing: Promise<void> | null = null;
  let failure: { at: number; reason: string } | null = null;

  async function renew(): Promise<void> {
    const startedAt = deps.clock.now();
    try {
      const token = await deps.fetchIdToken().catch((error: unknown) => Promise.reject(new Error(`getting a GitHub ID token failed: ${describe(error)}`)));
      const session = await deps.assumeRole(token).catch((error: unknown) => Promise.reject(new Error(`STS AssumeRoleWithOIDC failed: ${describe(error)}`)));
      // Never later than asked for, by our own clock: STS states the end in its clock.
      const stated = Date.parse(session.expiration);
      const endsAt = Math.min(Number.isNaN(stated) ? Infinity : stated, startedAt + deps.durationSeconds * 1000);
      held = { session, endsAt };
      failure = null;
      deps.info(`role session for ${deps.roleArn} assumed with a fresh GitHub ID token, valid until ${iso(endsAt)}`);
    } catch (error) {
      failure = { at: deps.clock.now(), reason: describe(error) };
      if (held !== null && deps.clock.now() < held.endsAt - GIVE_UP_BEFORE_MS) {
        deps.warn(`renewing the role session failed (${failure.reason}); the current one holds until ${iso(held.endsAt)}, trying again in ${RETRY_MS / 1000} s`);
      }
    }
  }

  async function current(): Promise<RoleSession> {
    const now = deps.clock.now();
    const due = held === null || now >= held.endsAt - RENEW_BEFORE_MS;
    const resting = failure !== null && now - failure.at < RETRY_MS;
    if (due && renewing === null && !resting) renewing = renew().finally(() => (renewing = null));
    if (renewing !== null) await renewing;
    const after = deps.clock.now();
    if (held === null) {
      throw new UserInputError(`could not get an Alibaba Cloud role session for ${deps.roleArn}: ${failure?.reason ?? 'no session'}`);
    }
    if (after >= held.endsAt - GIVE_UP_BEFORE_MS) {
      // No later call can succeed either: like a quota, this stops the run from starting new calls.
      throw new RemoteError({
        message: `the Alibaba Cloud role session for ${deps.roleArn} ends at ${iso(held.endsAt)} and could not be renewed: ${failure?.reason ?? 'no renewal finished'}`,
        status: null,
        code: 'RoleSessionNotRenewed',
        retryable: false,
        quota: true,
      });
    }
    return held.session;
  }

  return new Credential(null, {
    getProviderName: () => 'dwsync_github_oidc',
    async getCredentials() {
      const session = await current();
      return { accessKeyId: session.accessKeyId, accessKeySecret: session.accessKeySecret, securityToken: session.securityToken, providerName: 'dwsync_github_oidc' };
    },
  });
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function describe(error: unknown): string {
  const text = errorMessage(error);
  const code = error instanceof RemoteError && !text.includes(error.code) ? `${error.code}: ` : '';
  return `${code}${text}`.replace(/\s+/g, ' ').trim();
}
