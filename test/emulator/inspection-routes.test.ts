import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { callWithSdk } from './call-with-sdk.js';

// The /__emulator/ endpoints that tests, demos and the CLI's own tests use to look inside.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000001 }, { projectId: 10000, fileId: 1000000, fileName: 'u_pk' }] });
  return emulator;
}

const getJson = async (url: string) => (await fetch(url)).json() as Promise<Array<Record<string, unknown>>>;

describe('emulator inspection routes', () => {
  it('GET /__emulator/tasks lists seeded tasks sorted, with empty strings before any update', async () => {
    const em = await start();
    const tasks = await getJson(`${em.url}/__emulator/tasks`);
    expect(tasks.map((t) => t.fileId)).toEqual([1000000, 1000001]);
    expect(tasks[0]).toMatchObject({ projectId: 10000, fileId: 1000000, fileName: 'u_pk', taskContent: '', taskParam: '', updates: 0 });
  });

  it('GET /__emulator/calls records every call with its parameters, status and code; DELETE clears', async () => {
    const em = await start();
    await callWithSdk(em.url, 'UpdateDISyncTask', {
      ProjectId: 10000,
      FileId: 1000000,
      TaskType: 'DI_OFFLINE',
      TaskContent: '{"type":"job"}',
      TaskParam: '{"ResourceGroup":"g"}',
    });
    await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000000 });
    await fetch(`${em.url}/?Action=Nope&Version=2020-05-18`, { method: 'POST' });
    const calls = await getJson(`${em.url}/__emulator/calls`);
    expect(calls.map((c) => [c.action, c.status, c.code])).toEqual([
      ['UpdateDISyncTask', 200, undefined],
      ['GetFile', 200, undefined],
      ['Nope', 404, 'InvalidAction.NotFound'],
    ]);
    expect(calls[0]?.parameters).toMatchObject({ TaskContent: '{"type":"job"}', TaskParam: '{"ResourceGroup":"g"}', FileId: '1000000' });
    expect(Number.isNaN(Date.parse(String(calls[0]?.time)))).toBe(false);
    expect((await fetch(`${em.url}/__emulator/calls`, { method: 'DELETE' })).status).toBe(200);
    expect(await getJson(`${em.url}/__emulator/calls`)).toEqual([]);
  });

  it('PUT /__emulator/tasks/P/F edits a task as the console would, without counting an update', async () => {
    const em = await start();
    const res = await fetch(`${em.url}/__emulator/tasks/10000/1000000`, {
      method: 'PUT',
      body: JSON.stringify({ taskContent: '{"type":"job","edited":1}' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ taskContent: '{"type":"job","edited":1}', taskParam: '', updates: 0, changedSinceDeploy: true });
    const { body } = await callWithSdk(em.url, 'GetFile', { ProjectId: 10000, FileId: 1000000 });
    expect((body.Data as { File: { Content: string } }).File.Content).toBe('{"type":"job","edited":1}');
    const created = await fetch(`${em.url}/__emulator/tasks/20000/5`, { method: 'PUT', body: '{"taskParam":"{}"}' });
    expect(await created.json()).toMatchObject({ projectId: 20000, fileId: 5, taskParam: '{}' });
  });

  it('POST /__emulator/tasks seeds a task that the API then serves', async () => {
    const em = await start();
    const res = await fetch(`${em.url}/__emulator/tasks`, {
      method: 'POST',
      body: JSON.stringify({ projectId: 30000, fileId: 7, fileName: 'imported', taskContent: '{"type":"job"}' }),
    });
    expect(res.status).toBe(201);
    const { body } = await callWithSdk(em.url, 'ListFiles', { ProjectId: 30000, FileTypes: '23', PageNumber: 1, PageSize: 100 });
    expect(body.Data).toMatchObject({ TotalCount: 1, Files: [{ FileId: 7, FileName: 'imported' }] });
    const bad = await fetch(`${em.url}/__emulator/tasks`, { method: 'POST', body: JSON.stringify({ projectId: -1 }) });
    expect(bad.status).toBe(400);
  });

  it('answers 404 for an unknown emulator route', async () => {
    const em = await start();
    expect((await fetch(`${em.url}/__emulator/nothing`)).status).toBe(404);
  });
});
