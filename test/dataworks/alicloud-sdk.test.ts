import { describe, expect, it } from 'vitest';
import { Config, Credential, createAccessKeyCredential, OpenApiClient, OpenApiRequest, Params } from '../../src/dataworks/alicloud-sdk.js';
import { useEmulatorSession } from '../remote/emulator-session.js';

const start = useEmulatorSession();

describe('alicloud-sdk', () => {
  it('gives the SDK classes themselves, not a module namespace, whatever loads it', () => {
    for (const exported of [Credential, OpenApiClient, Config, Params, OpenApiRequest]) expect(typeof exported).toBe('function');
  });

  it('createAccessKeyCredential is an access-key credential the emulator accepts', async () => {
    const credential = createAccessKeyCredential('emulator', 'emulator');
    expect(await credential.getCredential()).toMatchObject({ accessKeyId: 'emulator', accessKeySecret: 'emulator', type: 'access_key' });
    const { emulator } = await start();
    const host = emulator.url.replace('http://', '');
    const client = new OpenApiClient(new Config({ credential, endpoint: host, protocol: 'http', regionId: 'cn-hangzhou' }));
    const params = new Params({ action: 'ListResourceGroups', version: '2020-05-18', protocol: 'http', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
    const response = await client.callApi(params, new OpenApiRequest({ query: { ResourceGroupType: '4' } }), {} as Parameters<OpenApiClient['callApi']>[2]);
    expect(response['statusCode']).toBe(200);
    expect(emulator.state.calls.map((c) => [c.action, c.status])).toEqual([['ListResourceGroups', 200]]);
  });
});
