import OpenApi from '@alicloud/openapi-client';
import { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';

// Calls the emulator through the real Alibaba Cloud SDK, signed with ACS3-HMAC-SHA256, the way
// dwsync's client does.

export type SdkAnswer = { statusCode: number; body: Record<string, unknown> };
export type SdkFailure = { code?: string; statusCode?: number; data?: Record<string, unknown>; message: string; name: string };

// Node's ESM loader hands the CommonJS exports object as the default import (so the class is
// `.default`); vitest's loader hands the class itself. Accept both.
type ClientClass = typeof OpenApi.default;
const Client: ClientClass = (OpenApi as unknown as { default?: ClientClass }).default ?? (OpenApi as unknown as ClientClass);

export async function callWithSdk(
  url: string,
  action: string,
  params: Record<string, string | number>,
  key: { id: string; secret: string } = { id: 'emulator', secret: 'emulator' },
): Promise<SdkAnswer> {
  const client = new Client(
    new Config({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint: new URL(url).host, protocol: 'http', regionId: 'cn-hangzhou' }),
  );
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) body[name] = String(value);
  const answer = (await client.callApi(
    new Params({
      action,
      version: '2020-05-18',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new OpenApiRequest({ body }),
    new RuntimeOptions({ readTimeout: 20_000, connectTimeout: 5_000 }),
  )) as { statusCode: number; body: Record<string, unknown> };
  return { statusCode: answer.statusCode, body: answer.body };
}

// The SDK's rejection, for asserting on its code and status.
export async function callWithSdkFailing(...args: Parameters<typeof callWithSdk>): Promise<SdkFailure> {
  try {
    await callWithSdk(...args);
  } catch (err) {
    return err as SdkFailure;
  }
  throw new Error(`expected ${args[1]} to fail`);
}
