import { Config, OpenApiClient, OpenApiRequest, Params } from './alicloud-sdk.js';
import { classifyError } from './classify-error.js';
import { RemoteError } from '../errors.js';
import { isJsonObject } from '../core/text/json.js';
import { resolveEndpoint } from './resolve-endpoint.js';

type CallApiRuntime = Parameters<OpenApiClient['callApi']>[2];

export type AssumeRoleWithOidcInput = {
  endpoint: string; // a URL such as https://sts.aliyuncs.com
  roleArn: string;
  oidcProviderArn: string;
  oidcToken: string; // the identity provider's token as issued (a JWT), not encoded again
  roleSessionName: string;
  durationSeconds: number;
};

export type RoleSession = { accessKeyId: string; accessKeySecret: string; securityToken: string; expiration: string };

// STS AssumeRoleWithOIDC (version 2015-04-01): trades an OIDC token for a role session. The call is
// not signed (the token is the proof), so it goes out anonymously through the same SDK as the
// DataWorks calls; the parameters travel in the form body, as @alicloud/credentials sends them, so
// the token stays out of the URL.
export async function assumeRoleWithOidc(input: AssumeRoleWithOidcInput): Promise<RoleSession> {
  const { host, protocol } = resolveEndpoint(input.endpoint, 'unused');
  const client = new OpenApiClient(new Config({ endpoint: host, protocol, connectTimeout: 10_000, readTimeout: 10_000 }));
  let body: unknown;
  try {
    const response = await client.callApi(
      new Params({ action: 'AssumeRoleWithOIDC', version: '2015-04-01', protocol, pathname: '/', method: 'POST', authType: 'Anonymous', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
      new OpenApiRequest({
        body: {
          RoleArn: input.roleArn,
          OIDCProviderArn: input.oidcProviderArn,
          OIDCToken: input.oidcToken,
          RoleSessionName: input.roleSessionName,
          DurationSeconds: String(input.durationSeconds),
        },
      }),
      {} as CallApiRuntime,
    );
    body = response['body'];
  } catch (err) {
    throw classifyError(err);
  }
  const credentials = isJsonObject(body) && isJsonObject(body.Credentials) ? body.Credentials : null;
  const fields = ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'Expiration'] as const;
  if (credentials === null || fields.some((f) => typeof credentials[f] !== 'string' || credentials[f] === '')) {
    throw new RemoteError({ message: 'AssumeRoleWithOIDC answered without Credentials (AccessKeyId, AccessKeySecret, SecurityToken, Expiration)', status: 200, code: 'InvalidResponse', retryable: false });
  }
  return {
    accessKeyId: credentials.AccessKeyId as string,
    accessKeySecret: credentials.AccessKeySecret as string,
    securityToken: credentials.SecurityToken as string,
    expiration: credentials.Expiration as string,
  };
}
