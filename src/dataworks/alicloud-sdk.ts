import { createRequire } from 'node:module';
import type CredentialsModule from '@alicloud/credentials';
import type OpenApiModule from '@alicloud/openapi-client';

// The Alibaba SDK packages are CommonJS with an `exports.default`. Node's ESM loader hands the
// whole exports object to a default import, while vitest and bundlers hand `exports.default`, so a
// default import means different things in tests and in production. require() means the same
// everywhere.
const require = createRequire(import.meta.url);
const credentials = require('@alicloud/credentials') as typeof CredentialsModule;
const openApi = require('@alicloud/openapi-client') as typeof OpenApiModule;

export const Credential = credentials.default;
export type Credential = InstanceType<typeof credentials.default>;
export const OpenApiClient = openApi.default;
export type OpenApiClient = InstanceType<typeof openApi.default>;
export const { Config, Params, OpenApiRequest } = openApi;

// An access-key credential (tests and the emulator use emulator/emulator).
export function createAccessKeyCredential(accessKeyId: string, accessKeySecret: string): Credential {
  return new Credential(new credentials.Config({ type: 'access_key', accessKeyId, accessKeySecret }));
}
