import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const content = JSON.stringify({ type: 'job', version: '2.0', steps: [] });
const create = (overrides: Record<string, string | number> = {}) => ({
  ProjectId: 10000,
  TaskType: 'DI_OFFLINE',
  TaskName: 'ods_users',
  TaskContent: content,
  TaskParam: JSON.stringify({ FileFolderPath: 'Business Flow/ods/Data Integration', ResourceGroup: 'S_res_group_1' }),
  ...overrides,
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

describe('DeleteFile', () => {
  it('deletes a committed file through a deployment that GetDeployment polls; the file goes when it is done', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }], deploymentPolls: 1 });
    const answer = await callWithSdk(emulator.url, 'DeleteFile', { ProjectId: 10000, FileId: 1 });
    const deploymentId = answer.body.DeploymentId as number;
    expect(typeof deploymentId).toBe('number');
    const poll = async () => (await callWithSdk(emulator!.url, 'GetDeployment', { ProjectId: 10000, DeploymentId: deploymentId })).body.Data;
    expect(await poll()).toMatchObject({ Deployment: { Status: 0 } });
    expect(emulator.state.tasks.has('10000/1')).toBe(true);
    expect(await poll()).toMatchObject({ Deployment: { Status: 1 }, DeployedItems: [{ FileId: 1, Status: 1 }] });
    expect(emulator.state.tasks.has('10000/1')).toBe(false);
    expect(await callWithSdkFailing(emulator.url, 'GetFile', { ProjectId: 10000, FileId: 1 })).toMatchObject({ statusCode: 400 });
  });

  it('deletes a never-committed file at once, with no DeploymentId', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    const created = await callWithSdk(emulator.url, 'CreateDISyncTask', create());
    const fileId = (created.body.Data as { FileId: number }).FileId;
    const answer = await callWithSdk(emulator.url, 'DeleteFile', { ProjectId: 10000, FileId: fileId });
    expect(answer.body).not.toHaveProperty('DeploymentId');
    expect(emulator.state.tasks.has(`10000/${fileId}`)).toBe(false);
  });
});
