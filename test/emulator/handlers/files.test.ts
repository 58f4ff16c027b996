import { describe, expect, it } from 'vitest';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator, job, update } from './seeded-emulator.js';

const start = useSeededEmulator();

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
