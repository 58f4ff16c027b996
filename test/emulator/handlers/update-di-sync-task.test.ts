import { describe, expect, it } from 'vitest';
import { callWithSdk, callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator, job, update } from './seeded-emulator.js';

const start = useSeededEmulator();

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
