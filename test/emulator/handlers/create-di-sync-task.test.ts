import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../src/emulator/start-emulator.js';
import { callWithSdk } from '../call-with-sdk.js';
import { create } from './seeded-emulator.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('CreateDISyncTask', () => {
  it('creates a file with a new id in the folder TaskParam names; ListFiles finds it by name and folder', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    const answer = await callWithSdk(emulator.url, 'CreateDISyncTask', create());
    expect(answer.body).toMatchObject({ Success: true, Data: { Status: 'success', FileId: expect.any(Number) } });
    const fileId = (answer.body.Data as { FileId: number }).FileId;
    const listed = await callWithSdk(emulator.url, 'ListFiles', { ProjectId: 10000, ExactFileName: 'ods_users', NeedAbsoluteFolderPath: 'true' });
    expect(listed.body.Data).toMatchObject({ TotalCount: 1, Files: [{ FileId: fileId, FileName: 'ods_users', AbsoluteFolderPath: 'Business Flow/ods/Data Integration' }] });
    const second = await callWithSdk(emulator.url, 'CreateDISyncTask', create({ TaskName: 'other' }));
    expect((second.body.Data as { FileId: number }).FileId).not.toBe(fileId);
  });

  it('honours ClientToken: a repeated create answers the same file and creates no other', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    const first = await callWithSdk(emulator.url, 'CreateDISyncTask', create({ ClientToken: 'tok-1' }));
    const again = await callWithSdk(emulator.url, 'CreateDISyncTask', create({ ClientToken: 'tok-1' }));
    expect((again.body.Data as { FileId: number }).FileId).toBe((first.body.Data as { FileId: number }).FileId);
    expect(emulator.state.tasks.size).toBe(2);
  });

  it('answers a bad folder and an unknown group as 200 with Data.Status fail', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }], resourceGroups: ['S_res_group_1'] });
    const folder = await callWithSdk(emulator.url, 'CreateDISyncTask', create({ TaskParam: '{"FileFolderPath":"nowhere","ResourceGroup":"S_res_group_1"}' }));
    expect(folder.body).toMatchObject({ Data: { Status: 'fail', Message: 'Invalid path: nowhere' } });
    const group = await callWithSdk(emulator.url, 'CreateDISyncTask', create({ TaskParam: '{"FileFolderPath":"Business Flow/a/Data Integration","ResourceGroup":"S_x"}' }));
    expect(group.body).toMatchObject({ Data: { Status: 'fail', Message: 'ResourceGroup:[S_x] is invalid.' } });
    expect(emulator.state.tasks.size).toBe(1);
  });
});
