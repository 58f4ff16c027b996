import { describe, expect, it } from 'vitest';
import { FAIL_DEPLOY_MARKER } from '../../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator, job, update } from './seeded-emulator.js';

const start = useSeededEmulator();

describe('SubmitFile, DeployFile and GetDeployment', () => {
  async function poll(url: string, deploymentId: number, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      const { body } = await callWithSdk(url, 'GetDeployment', { ProjectId: 10000, DeploymentId: deploymentId });
      statuses.push((body.Data as { Deployment: { Status: number } }).Deployment.Status);
    }
    return statuses;
  }

  it('standard mode: submit, then deploy, each pending for deploymentPolls polls', async () => {
    const em = await start({ deploymentPolls: 2 });
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000));
    const tooEarly = await callWithSdkFailing(em.url, 'DeployFile', { ProjectId: 10000, FileId: 1000000 });
    expect(tooEarly.code).toBe('Invalid.Param');

    const submitted = await callWithSdk(em.url, 'SubmitFile', { ProjectId: 10000, FileId: 1000000, Comment: 'dwsync' });
    const submitId = submitted.body.Data as number;
    expect(typeof submitId).toBe('number');
    expect(await poll(em.url, submitId, 4)).toEqual([0, 0, 1, 1]); // the third is the check (CheckingStatus 8)
    expect(em.state.tasks.get('10000/1000000')).toMatchObject({ committed: true, deployed: false, changedSinceDeploy: true });

    const deployed = await callWithSdk(em.url, 'DeployFile', { ProjectId: 10000, FileId: 1000000 });
    expect(await poll(em.url, deployed.body.Data as number, 3)).toEqual([0, 0, 1]);
    expect(em.state.tasks.get('10000/1000000')).toMatchObject({ deployed: true, changedSinceDeploy: false });
  });

  it('basic mode: SubmitFile alone publishes and DeployFile is refused', async () => {
    const em = await start({ projectMode: 'basic', deploymentPolls: 0 });
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000));
    const submitted = await callWithSdk(em.url, 'SubmitFile', { ProjectId: 10000, FileId: 1000000 });
    expect(await poll(em.url, submitted.body.Data as number, 2)).toEqual([1, 1]);
    expect(em.state.tasks.get('10000/1000000')).toMatchObject({ deployed: true, changedSinceDeploy: false });
    const err = await callWithSdkFailing(em.url, 'DeployFile', { ProjectId: 10000, FileId: 1000000 });
    expect(err.code).toBe('Invalid.Param');
  });

  it('fails a deployment of a task whose content carries the failure marker', async () => {
    const em = await start({ deploymentPolls: 1 });
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskContent: job({ note: FAIL_DEPLOY_MARKER }) }));
    const submitted = await callWithSdk(em.url, 'SubmitFile', { ProjectId: 10000, FileId: 1000000 });
    const { body } = await callWithSdk(em.url, 'GetDeployment', { ProjectId: 10000, DeploymentId: submitted.body.Data as number });
    expect((body.Data as { Deployment: { Status: number } }).Deployment.Status).toBe(0);
    const done = await callWithSdk(em.url, 'GetDeployment', { ProjectId: 10000, DeploymentId: submitted.body.Data as number });
    expect(done.body.Data).toMatchObject({ Deployment: { Status: 2, ErrorMessage: expect.stringContaining('1000000') } });
    expect(em.state.tasks.get('10000/1000000')?.committed).toBe(false);
  });

  it('refuses an unknown file and an unknown deployment', async () => {
    const em = await start();
    expect(await callWithSdkFailing(em.url, 'SubmitFile', { ProjectId: 10000, FileId: 4 })).toMatchObject({ code: 'Invalid.Tenant.FileNotExists' });
    expect(await callWithSdkFailing(em.url, 'GetDeployment', { ProjectId: 10000, DeploymentId: 12 })).toMatchObject({
      code: 'Invalid.Tenant.DeploymentNotExists',
    });
  });
});
