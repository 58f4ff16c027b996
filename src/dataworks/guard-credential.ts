import { UserInputError } from '../errors.js';
import { Credential } from './alicloud-sdk.js';

export const missingCredentialsMessage =
  'no Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
  '(and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure an OIDC role (ALIBABA_CLOUD_ROLE_ARN, ' +
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE) or a profile in ~/.alibabacloud/credentials';

// When nothing is configured, the default chain throws "unable to get credentials from any of the
// providers in the chain: ..." the first time, and on later calls retries only the last provider
// it tried (the credentials URI, which then fails as a DNS error for the host "undefined"). So the
// first failure is remembered and every later call gets the same clear UserInputError.
export function guardCredential(inner: Credential): Credential {
  let missing: UserInputError | null = null;
  return new Credential(null, {
    getProviderName: () => 'dwsync',
    async getCredentials() {
      if (missing) throw missing;
      try {
        const model = await inner.getCredential();
        if (!model.accessKeyId || !model.accessKeySecret) throw new Error('unable to get credentials: empty access key');
        return {
          accessKeyId: model.accessKeyId,
          accessKeySecret: model.accessKeySecret,
          securityToken: model.securityToken ?? '',
          providerName: model.providerName ?? 'dwsync',
        };
      } catch (err) {
        if (err instanceof Error && /unable to get credentials|must be specified|Missing required/i.test(err.message)) {
          missing = new UserInputError(missingCredentialsMessage, { cause: err });
          throw missing;
        }
        throw err;
      }
    },
  });
}
