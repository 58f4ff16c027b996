import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { create } from './seeded-emulator.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
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
