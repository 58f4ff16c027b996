import { afterEach, describe, expect, it } from 'vitest';
import { FAIL_DEPLOY_MARKER, startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions = {}) {
  emulator = await startEmulator({
    seed: [
      { projectId: 10000, fileId: 1000002, fileName: 'orders', fileFolderPath: 'Business Flow/ods/Data Integration' },
      { projectId: 10000, fileId: 1000000, fileName: 'u_pk' },
      { projectId: 10000, fileId: 1000001 },
      { projectId: 20000, fileId: 3000000 },
    ],
    ...options,
  });
  return emulator;
}

const job = (extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'job', version: '2.0', steps: [], ...extra });
const update = (fileId: number, overrides: Record<string, string | number> = {}) => ({
  ProjectId: 10000,
  FileId: fileId,
  TaskType: 'DI_OFFLINE',
  TaskContent: job(),
  TaskParam: '{"ResourceGroup":"S_res_group_1","Cu":2}',
  ...overrides,
});

describe('UpdateDISyncTask', () => {
  it('stores the strings as given, counts updates and marks the task changed', async () => {
    const em = await start();
    const content = '{"type":"job",  "version":"2.0"}';
    const answer = await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskContent: content }));
    expect(answer.body).toEqual({ RequestId: expect.any(String), Success: true, Data: { Status: 'success' } });
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskContent: content }));
    const task = em.state.tasks.get('10000/1000000');
    expect(task).toMatchObject({ taskContent: content, taskParam: '{"ResourceGroup":"S_res_group_1","Cu":2}', updates: 2 });
    expect(task?.changedSinceDeploy).toBe(true);
    expect(task?.deployed).toBe(false);
  });

  it.each([
    ['an unknown file id', update(999), /FileId:\[999\]/],
    ['an unknown project id', update(1000000, { ProjectId: 42 }), /FileId:\[1000000\]/],
    ['TaskContent that is not JSON', update(1000000, { TaskContent: '{type: job' }), /TaskContent/],
    ['TaskContent whose type is not job', update(1000000, { TaskContent: '{"type":"other"}' }), /type must be job/],
    ['TaskParam that is not a JSON object', update(1000000, { TaskParam: '[1]' }), /TaskParam/],
    ['another TaskType', update(1000000, { TaskType: 'DI_REALTIME' }), /TaskType/],
  ])('refuses %s with Invalid.DI.Parameter and changes nothing', async (_name, params, message) => {
    const em = await start();
    const err = await callWithSdkFailing(em.url, 'UpdateDISyncTask', params);
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('Invalid.DI.Parameter');
    expect(String(err.data?.Message)).toMatch(message);
    // The common error fields, plus only what UpdateDISyncTask's model has (Success; no ErrorCode).
    expect(Object.keys(err.data ?? {}).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId', 'Success', 'statusCode']);
    expect(err.data).toMatchObject({ Success: false });
    expect(em.state.tasks.get('10000/1000000')?.updates).toBe(0);
  });

  it.each([
    ['without ResourceGroup', '{"Cu":1}', ''],
    ['with an empty ResourceGroup', '{"ResourceGroup":" "}', ' '],
  ])('answers TaskParam %s as the service does: HTTP 200, Data.Status fail, the group named', async (_name, taskParam, shown) => {
    const em = await start();
    const answer = await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskParam: taskParam }));
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatchObject({ Success: true, Data: { Status: 'fail', Message: `ResourceGroup:[${shown}] is invalid.` } });
    expect(em.state.tasks.get('10000/1000000')?.updates).toBe(0);
  });

  it('refuses a resource group the tenant does not have, once the groups are set', async () => {
    const em = await start({ resourceGroups: ['S_res_group_1'] });
    expect((await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000))).body).toMatchObject({ Data: { Status: 'success' } });
    const other = await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskParam: '{"ResourceGroup":"S_res_group_XXX"}' }));
    expect(other.body).toMatchObject({ Data: { Status: 'fail', Message: 'ResourceGroup:[S_res_group_XXX] is invalid.' } });
  });

  it('keeps what a call leaves out: an update without TaskContent or TaskParam changes only what it sends', async () => {
    const em = await start();
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskContent: job({ first: 1 }) }));
    const { TaskContent: _content, ...paramOnly } = update(1000000, { TaskParam: '{"ResourceGroup":"S_res_group_2"}' });
    await callWithSdk(em.url, 'UpdateDISyncTask', paramOnly);
    const { TaskParam: _param, ...contentOnly } = update(1000000, { TaskContent: job({ second: 2 }) });
    await callWithSdk(em.url, 'UpdateDISyncTask', contentOnly);
    expect(em.state.tasks.get('10000/1000000')).toMatchObject({ taskContent: job({ second: 2 }), taskParam: '{"ResourceGroup":"S_res_group_2"}', updates: 3 });
  });

  it('names a missing parameter', async () => {
    const em = await start();
    const { FileId: _dropped, ...params } = update(1000000);
    const err = await callWithSdkFailing(em.url, 'UpdateDISyncTask', params);
    expect(err.code).toBe('MissingFileId');
  });
});

describe('GetFile and ListFiles', () => {
  it('GetFile returns the content of the last update with the DI group and CU kept in extend, and no folder path', async () => {
    const em = await start();
    await callWithSdk(em.url, 'UpdateDISyncTask', update(1000000, { TaskContent: job({ marker: 1 }) }));
    const { body } = await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000000 });
    const file = (body.Data as { File: Record<string, unknown> }).File;
    expect(file).toMatchObject({ FileId: 1000000, FileName: 'u_pk', FileType: 23 });
    expect(JSON.parse(String(file.Content))).toEqual({ ...JSON.parse(job({ marker: 1 })), extend: { resourceGroup: 'S_res_group_1', cu: 2 } });
    expect(file).not.toHaveProperty('FileFolderPath');
    expect(file).not.toHaveProperty('AbsoluteFolderPath');
    expect((body.Data as { NodeConfiguration: Record<string, unknown> }).NodeConfiguration).not.toHaveProperty('ResourceGroupIdentifier');
  });

  it('GetFile shows a console edit and refuses an unknown file', async () => {
    const em = await start();
    em.editTask({ projectId: 10000, fileId: 1000001 }, { taskContent: job({ edited: true }) });
    const { body } = await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000001 });
    expect((body.Data as { File: { Content: string } }).File.Content).toBe(job({ edited: true }));
    const err = await callWithSdkFailing(em.url, 'GetFile', { ProjectId: 10000, FileId: 5 });
    expect(err).toMatchObject({ statusCode: 400, code: 'Invalid.Tenant.FileNotExists' });
  });

  it('ListFiles pages through a project in file id order', async () => {
    const em = await start();
    const page1 = await callWithSdk(em.url, 'ListFiles', { ProjectId: 10000, FileTypes: '23', PageNumber: 1, PageSize: 2 });
    const page2 = await callWithSdk(em.url, 'ListFiles', { ProjectId: 10000, FileTypes: '23', PageNumber: 2, PageSize: 2 });
    const ids = (answer: typeof page1) => (answer.body.Data as { Files: Array<{ FileId: number }> }).Files.map((f) => f.FileId);
    expect(page1.body.Data).toMatchObject({ PageNumber: 1, PageSize: 2, TotalCount: 3 });
    expect(ids(page1)).toEqual([1000000, 1000001]);
    expect(ids(page2)).toEqual([1000002]);
    const other = await callWithSdk(em.url, 'ListFiles', { ProjectId: 10000, FileTypes: '10', PageNumber: 1, PageSize: 10 });
    expect(other.body.Data).toMatchObject({ TotalCount: 0, Files: [] });
  });

  it('ListFiles refuses a page size over 100 and an unknown project', async () => {
    const em = await start();
    expect(await callWithSdkFailing(em.url, 'ListFiles', { ProjectId: 10000, PageSize: 101 })).toMatchObject({ code: 'InvalidParameter' });
    expect(await callWithSdkFailing(em.url, 'ListFiles', { ProjectId: 1 })).toMatchObject({ code: 'Invalid.Tenant.ProjectNotExists' });
  });
});

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
