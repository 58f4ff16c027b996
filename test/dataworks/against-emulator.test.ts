import { afterEach, describe, expect, it } from 'vitest';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { attemptsOf, callWithRetry } from '../../src/dataworks/call-with-retry.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { createRateLimiter } from '../../src/dataworks/rate-limiter.js';
import { systemClock } from '../../src/system-clock.js';
import { type EmulatorOptions, startEmulator } from '../../src/emulator/start-emulator.js';
import { RemoteError } from '../../src/errors.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function emulatorClient(options: EmulatorOptions = {}, secret = 'emulator') {
  const emulator = await startEmulator({ port: 0, seed: [{ projectId: 10000, fileId: 1000000 }], ...options });
  closers.push(() => emulator.close());
  const dataWorks = createDataWorks({
    endpoint: emulator.url,
    region: 'cn-hangzhou',
    credential: createAccessKeyCredential('emulator', secret),
    timeouts: { connectMs: 2000, readMs: 5000 },
  });
  return { emulator, dataWorks };
}

const task = { projectId: 10000, fileId: 1000000, taskContent: '{"type":"job","version":"2.0"}', taskParam: '{"ResourceGroup":"S_res"}' };

async function pollDeployment(dataWorks: ReturnType<typeof createDataWorks>, deploymentId: number): Promise<string[]> {
  const statuses: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { status } = await dataWorks.getDeployment({ projectId: 10000, deploymentId });
    statuses.push(status);
    if (status !== 'pending') break;
  }
  return statuses;
}

async function failure(promise: Promise<unknown>): Promise<RemoteError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RemoteError);
  return err as RemoteError;
}

describe('createDataWorks against the emulator', () => {
  it('updates a seeded task and reads it back', async () => {
    const { emulator, dataWorks } = await emulatorClient();
    const { requestId } = await dataWorks.updateDISyncTask(task);
    expect(requestId).not.toBe('');
    const tasks = (await (await fetch(`${emulator.url}/__emulator/tasks`)).json()) as unknown;
    expect(JSON.stringify(tasks)).toContain(JSON.stringify(task.taskContent).slice(1, -1));
    const live = await dataWorks.getFile({ projectId: 10000, fileId: 1000000 });
    expect(live.file?.fileId).toBe(1000000);
    // The service keeps the task's DI resource group inside Content, under extend.
    expect(JSON.parse(live.file?.content ?? '')).toEqual({ ...JSON.parse(task.taskContent), extend: { resourceGroup: 'S_res' } });
  });

  it('answers null for an unknown file and refuses to update it', async () => {
    const { dataWorks } = await emulatorClient();
    expect((await dataWorks.getFile({ projectId: 10000, fileId: 42 })).file).toBeNull();
    const err = await failure(dataWorks.updateDISyncTask({ ...task, fileId: 42 }));
    expect(err.retryable).toBe(false);
  });

  it('lists, submits, deploys and polls a deployment', async () => {
    const { dataWorks } = await emulatorClient({ deploymentPolls: 1 });
    const list = await dataWorks.listFiles({ projectId: 10000, fileTypes: '23', pageNumber: 1, pageSize: 10 });
    expect(list.files.map((f) => f.fileId)).toEqual([1000000]);
    expect(list.totalCount).toBe(1);
    expect((await dataWorks.getProject({ projectId: 10000 })).mode).toBe('standard');
    await dataWorks.updateDISyncTask(task);
    const submitted = await dataWorks.submitFile({ projectId: 10000, fileId: 1000000, comment: 'dwsync' });
    expect(submitted.deploymentId).toBeGreaterThan(0);
    // A submit runs its pre-publish check (Status 1, CheckingStatus 8) before it counts as done.
    expect(await pollDeployment(dataWorks, submitted.deploymentId)).toEqual(['pending', 'pending', 'success']);
    const deployed = await dataWorks.deployFile({ projectId: 10000, fileId: 1000000 });
    expect(deployed.deploymentId).not.toBe(submitted.deploymentId);
    expect(await pollDeployment(dataWorks, deployed.deploymentId)).toEqual(['pending', 'success']);
  });

  it('a wrong secret is SignatureDoesNotMatch, not retried', async () => {
    const { dataWorks } = await emulatorClient({}, 'not-the-secret');
    const err = await failure(dataWorks.getProject({ projectId: 10000 }));
    expect(err).toMatchObject({ code: 'SignatureDoesNotMatch', retryable: false });
    expect(err.message).not.toContain('not-the-secret');
  });

  it.each([
    [{ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { code: 'ServiceUnavailable', status: 503, retryable: true }],
    [{ kind: 'html', status: 502 }, { code: 'InvalidResponse', status: 502, retryable: true }],
    [{ kind: 'truncated' }, { code: 'TruncatedResponse', status: 200, retryable: true }],
    [{ kind: 'reset' }, { status: null, retryable: true }],
    [{ kind: 'success-false', code: 'Invalid.DI.Parameter' }, { code: 'Invalid.DI.Parameter', status: 200, retryable: false }],
    [{ kind: 'status-fail', message: 'bad job' }, { status: 200, retryable: false }],
  ] as const)('fault %j is classified', async (fault, expected) => {
    const { emulator, dataWorks } = await emulatorClient();
    emulator.failNext(fault, { action: 'UpdateDISyncTask' });
    const err = await failure(dataWorks.updateDISyncTask(task));
    expect(err).toMatchObject(expected);
  });

  it('Throttling.Api.Risk is throttling: retried until the attempts run out, never a quota stop', async () => {
    const { dataWorks } = await emulatorClient({ quotaAfter: 0 });
    const err = await failure(
      callWithRetry(() => dataWorks.updateDISyncTask(task), { maxAttempts: 3, baseMs: 1 }, { clock: systemClock, random: () => 0 }),
    );
    expect(err).toMatchObject({ code: 'Throttling.Api.Risk', quota: false, retryable: true });
    expect(attemptsOf(err)).toBe(3);
  });

  it('retry and the limiter carry a run through flaky answers', async () => {
    const { emulator, dataWorks } = await emulatorClient();
    emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable' }, { action: 'UpdateDISyncTask', times: 2 });
    const limiter = createRateLimiter({ qps: 50, clock: systemClock });
    const result = await callWithRetry(() => dataWorks.updateDISyncTask(task), { baseMs: 10 }, {
      clock: systemClock,
      random: () => 0.5,
      limiter,
    });
    expect(result.attempts).toBe(3);
  });
});

describe('createDataWorks: the operations beyond update', () => {
  it('creates (idempotent with a client token), finds by name and folder, deletes and polls the deletion', async () => {
    const { dataWorks } = await emulatorClient({ deploymentPolls: 0 });
    const input = { projectId: 10000, taskName: 'ods_new', folderPath: 'Business Flow/ods/Data Integration', taskContent: task.taskContent, taskParam: task.taskParam, clientToken: 'k1' };
    const created = await dataWorks.createDISyncTask(input);
    expect((await dataWorks.createDISyncTask(input)).fileId).toBe(created.fileId);
    const found = await dataWorks.listFiles({ projectId: 10000, pageNumber: 1, pageSize: 10, exactFileName: 'ods_new', folderPath: input.folderPath });
    expect(found.files).toEqual([{ fileId: created.fileId, fileName: 'ods_new', folderPath: input.folderPath, fileType: 23 }]);
    expect(await dataWorks.deleteFile({ projectId: 10000, fileId: created.fileId })).toEqual({ requestId: expect.any(String), deploymentId: null });
    const seeded = await dataWorks.deleteFile({ projectId: 10000, fileId: 1000000 });
    expect(seeded.deploymentId).toEqual(expect.any(Number));
    expect(await dataWorks.getDeployment({ projectId: 10000, deploymentId: seeded.deploymentId! })).toMatchObject({ status: 'success' });
    expect((await dataWorks.getFile({ projectId: 10000, fileId: 1000000 })).file).toBeNull();
  });

  it('lists DI resource groups and pages data sources', async () => {
    const { dataWorks } = await emulatorClient({ seed: [{ projectId: 10000, fileId: 1, resourceGroup: 'S_g1', dataSources: [{ name: 'mysql_pub', type: 'mysql' }] }] });
    const { groups } = await dataWorks.listResourceGroups({ resourceGroupType: 4 });
    expect(groups.map((g) => g.identifier)).toEqual(['S_res_group_emulator', 'S_g1']);
    const page = await dataWorks.listDataSources({ projectId: 10000, pageNumber: 1, pageSize: 100 });
    expect(page.dataSources).toEqual([
      { name: 'mysql_pub', type: 'mysql', envType: 0 },
      { name: 'mysql_pub', type: 'mysql', envType: 1 },
    ]);
    expect((await dataWorks.getProject({ projectId: 10000 })).defaultDiResourceGroup).toBe('S_res_group_emulator');
  });

  it('a failed pre-publish check fails the deployment with the service message', async () => {
    const { emulator, dataWorks } = await emulatorClient({ deploymentPolls: 0 });
    emulator.failNext({ kind: 'check-failure', message: 'table u_pk has no owner' }, { action: 'SubmitFile' });
    const { deploymentId } = await dataWorks.submitFile({ projectId: 10000, fileId: 1000000 });
    expect(await dataWorks.getDeployment({ projectId: 10000, deploymentId })).toMatchObject({ status: 'pending', checking: true });
    expect(await dataWorks.getDeployment({ projectId: 10000, deploymentId })).toMatchObject({ status: 'failed', errorMessage: 'table u_pk has no owner' });
  });
});
