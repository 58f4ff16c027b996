import { afterEach, describe, expect, it } from 'vitest';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createSdkCaller } from '../../src/dataworks/create-sdk-caller.js';
import { operations } from '../../src/dataworks/operations/operations.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { RemoteError } from '../../src/errors.js';
import { startRawServer } from './raw-server.js';

const credential = () => createAccessKeyCredential('emulator', 'emulator');
const started: Emulator[] = [];
afterEach(async () => {
  for (const emulator of started.splice(0)) await emulator.close();
});

async function emulator(latencyMs = 0): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, seed: [{ projectId: 10000, fileId: 1 }], latencyMs });
  started.push(emu);
  return emu;
}

describe('createSdkCaller', () => {
  it('calls the endpoint it was given, signed with the credential, and says its URL', async () => {
    const emu = await emulator();
    const { call, url, credential: used } = createSdkCaller({ endpoint: emu.url, region: 'cn-hangzhou', credential: credential() });
    expect(url).toBe(emu.url);
    const { answer } = await call(operations.GetProject, { ProjectId: 10000 });
    expect(answer.Data?.ProjectId).toBe(10000);
    expect(emu.state.calls.map((c) => [c.action, c.status])).toEqual([['GetProject', 200]]);
    expect((await used.getCredential()).accessKeyId).toBe('emulator');
  });

  it('without an endpoint, speaks HTTPS to the region\'s public host', () => {
    expect(createSdkCaller({ endpoint: null, region: 'cn-shanghai', credential: credential() }).url).toBe('https://dataworks.cn-shanghai.aliyuncs.com');
  });

  it('raises the connect timeout to the read timeout: an answer slower than connectMs but within readMs arrives', async () => {
    const emu = await emulator(700);
    const { call } = createSdkCaller({ endpoint: emu.url, region: 'cn-hangzhou', credential: credential(), timeouts: { connectMs: 200, readMs: 3000 } });
    const { status } = await call(operations.GetProject, { ProjectId: 10000 });
    expect(status).toBe(200);
  });

  it('an answer slower than readMs is a retryable timeout', async () => {
    const emu = await emulator(1500);
    const { call } = createSdkCaller({ endpoint: emu.url, region: 'cn-hangzhou', credential: credential(), timeouts: { connectMs: 200, readMs: 400 } });
    const err = await call(operations.GetProject, { ProjectId: 10000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect(err).toMatchObject({ status: null, retryable: true });
    expect((err as RemoteError).code).toMatch(/Timeout|ESOCKETTIMEDOUT|ETIMEDOUT/);
  });

  it('describes a refused connection with the endpoint\'s URL', async () => {
    const server = await startRawServer(() => {});
    await server.close();
    const { call } = createSdkCaller({ endpoint: server.url, region: 'cn-hangzhou', credential: credential() });
    const err = await call(operations.GetProject, { ProjectId: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', message: `cannot connect to ${server.url}: connection refused (is anything listening there?)`, retryable: true });
  });
});
