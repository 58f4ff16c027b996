import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('UpdateFile', () => {
  it('sets the schedule fields it is sent; GetFile answers them in NodeConfiguration', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    await callWithSdk(emulator.url, 'UpdateFile', {
      ProjectId: 10000, FileId: 1, CronExpress: '00 */30 * * * ?', CycleType: 'NOT_DAY', AutoRerunTimes: 5, Stop: 'true', InputList: 'p_root,p.a',
    });
    const node = (await callWithSdk(emulator.url, 'GetFile', { ProjectId: 10000, FileId: 1 })).body.Data as { NodeConfiguration: Record<string, unknown> };
    expect(node.NodeConfiguration).toMatchObject({
      CronExpress: '00 */30 * * * ?', CycleType: 'NOT_DAY', AutoRerunTimes: 5, Stop: true, RerunMode: 'ALL_ALLOWED',
      InputList: [{ Input: 'p_root', ParseType: 'MANUAL' }, { Input: 'p.a', ParseType: 'MANUAL' }],
    });
  });

  it('refuses a field sent with the value it already has, as invalid data, and changes nothing', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    const refused = await callWithSdkFailing(emulator.url, 'UpdateFile', { ProjectId: 10000, FileId: 1, CronExpress: '00 30 01 * * ?', RerunMode: 'ALL_ALLOWED' });
    expect(refused).toMatchObject({ statusCode: 400, code: 'Invalid.Param' });
    expect(emulator.state.tasks.get('10000/1')!.nodeConfiguration).toBeUndefined();
  });

  it('answers a missing file as GetFile does', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    expect(await callWithSdkFailing(emulator.url, 'UpdateFile', { ProjectId: 10000, FileId: 2, Stop: 'true' })).toMatchObject({ code: 'Invalid.Tenant.FileNotExists' });
  });
});
