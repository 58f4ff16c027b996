import { describe, expect, it } from 'vitest';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator } from './seeded-emulator.js';

const start = useSeededEmulator();

describe('GetProject', () => {
  it('answers standard mode by default and basic mode on request', async () => {
    const em = await start();
    expect((await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 })).body.Data).toMatchObject({
      ProjectId: 10000,
      ProjectMode: 3,
      EnvTypes: ['DEV', 'PROD'],
    });
    await em.close();
    const basic = await start({ projectMode: 'basic' });
    expect((await callWithSdk(basic.url, 'GetProject', { ProjectId: 10000 })).body.Data).toMatchObject({ ProjectMode: 2, EnvTypes: ['PROD'] });
    expect(await callWithSdkFailing(basic.url, 'GetProject', { ProjectId: 7 })).toMatchObject({ code: 'Invalid.Tenant.ProjectNotExists' });
  });
});
