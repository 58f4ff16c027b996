import { assumeRoleWithOidc } from '../dataworks/assume-role-with-oidc.js';
import type { Credential } from '../dataworks/alicloud-sdk.js';
import type { Clock } from '../ports.js';
import { createOidcSessionCredential } from './oidc-session-credential.js';

// The client ID the RAM OIDC provider registers for GitHub, and so the audience of the ID token.
export const OIDC_AUDIENCE = 'sts.aliyuncs.com';

export type OidcRole = { roleArn: string; oidcProviderArn: string; roleSessionName: string; stsEndpoint: string };

// The Action assumes the role itself when the job may request GitHub ID tokens (permissions:
// id-token: write sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN) and the role is named by the same
// variables the default credential chain reads. Access keys in the environment come first, as in
// that chain; without a role or the permission, the chain decides as before.
export function readOidcRole(env: Record<string, string | undefined>): OidcRole | null {
  const roleArn = env.ALIBABA_CLOUD_ROLE_ARN?.trim();
  const oidcProviderArn = env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN?.trim();
  if (env.ALIBABA_CLOUD_ACCESS_KEY_ID || !roleArn || !oidcProviderArn) return null;
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return null;
  const region = env.ALIBABA_CLOUD_STS_REGION?.trim();
  return {
    roleArn,
    oidcProviderArn,
    // 2 to 64 characters of [A-Za-z0-9.@_-]: the run, so the role's sessions can be traced to it.
    roleSessionName: env.ALIBABA_CLOUD_ROLE_SESSION_NAME?.trim() || `dwsync-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    stsEndpoint: env.DWSYNC_STS_ENDPOINT?.trim() || (region ? `https://sts.${region}.aliyuncs.com` : 'https://sts.aliyuncs.com'),
  };
}

export type ActionCredentialDeps = {
  clock: Pick<Clock, 'now'>;
  fetchIdToken(audience: string): Promise<string>;
  info(message: string): void;
  warn(message: string): void;
};

export function createActionCredential(role: OidcRole, durationSeconds: number, deps: ActionCredentialDeps): Credential {
  return createOidcSessionCredential({
    clock: deps.clock,
    durationSeconds,
    roleArn: role.roleArn,
    fetchIdToken: () => deps.fetchIdToken(OIDC_AUDIENCE),
    assumeRole: (oidcToken) =>
      assumeRoleWithOidc({ endpoint: role.stsEndpoint, roleArn: role.roleArn, oidcProviderArn: role.oidcProviderArn, oidcToken, roleSessionName: role.roleSessionName, durationSeconds }),
    info: deps.info,
    warn: deps.warn,
  });
}
