import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations } from '../../src/dataworks/operations/operations.js';
import { isKnownOperation, operationHandlers, operationNotFound } from '../../src/emulator/dispatch-operation.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';
import { create, update, useSeededEmulator } from './handlers/seeded-emulator.js';

// One handler per operation dwsync speaks, and nothing answers for a name that is not one.

const start = useSeededEmulator();

describe('dispatchOperation', () => {
  it('has a handler for exactly the operations defined', () => {
    expect(Object.keys(operationHandlers).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(OPERATION_NAMES).toHaveLength(23);
  });

  it('knows an operation only by its exact name, never by an object property', () => {
    for (const name of OPERATION_NAMES) expect(isKnownOperation(name)).toBe(true);
    for (const name of ['getfile', 'GetFile ', 'GetDISyncTask', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isKnownOperation(name)).toBe(false);
    }
  });

  it('says an unknown operation the way the gateway does', () => {
    expect(operationNotFound()).toEqual({ status: 404, code: 'InvalidAction.NotFound', message: 'Specified api is not found, please check your url and method.' });
  });

  it('routes each operation to a handler: called with no parameters, each names what it lacks', async () => {
    const em = await start();
    const codes: Record<string, string | undefined> = {};
    for (const name of OPERATION_NAMES) {
      if (name === 'ListResourceGroups') continue; // takes no required parameter
      if (operations[name].version !== '2020-05-18') continue; // the 2024-05-18 ones: data-studio-against-emulator.test.ts
      codes[name] = (await callWithSdkFailing(em.url, name, {})).code;
    }
    expect(codes).toEqual({
      CreateDISyncTask: 'MissingProjectId',
      DeleteFile: 'MissingProjectId',
      DeployFile: 'MissingProjectId',
      GetDeployment: 'MissingDeploymentId',
      GetFile: 'MissingProjectId',
      GetProject: 'MissingProjectId',
      ListDataSources: 'MissingProjectId',
      ListFiles: 'MissingProjectId',
      SubmitFile: 'MissingProjectId',
      UpdateDISyncTask: 'MissingProjectId',
      UpdateFile: 'MissingProjectId',
    });
  });

  it('routes each operation to its own handler: each answers in its own shape', async () => {
    const em = await start();
    const data = async (name: string, params: Record<string, string | number>) => (await callWithSdk(em.url, name, params)).body.Data;
    expect(await data('GetProject', { ProjectId: 20000 })).toMatchObject({ ProjectId: 20000, ProjectMode: 3 });
    expect(await data('GetFile', { ProjectId: 10000, FileId: 1000002 })).toMatchObject({ File: { FileId: 1000002, FileName: 'orders' } });
    expect(await data('ListFiles', { ProjectId: 20000 })).toMatchObject({ TotalCount: 1, Files: [{ FileId: 3000000 }] });
    expect(await data('ListDataSources', { ProjectId: 10000 })).toMatchObject({ TotalCount: 0, DataSources: [] });
    expect(await data('ListResourceGroups', { ResourceGroupType: 4 })).toMatchObject([{ Identifier: 'S_res_group_emulator' }]);
    expect(await data('UpdateDISyncTask', update(1000000))).toEqual({ Status: 'success' });
    expect(await data('CreateDISyncTask', create())).toMatchObject({ Status: 'success', FileId: 900000001 });
    const deploymentId = await data('SubmitFile', { ProjectId: 10000, FileId: 1000000 });
    expect(deploymentId).toBe(1000000001);
    expect(await data('GetDeployment', { ProjectId: 10000, DeploymentId: 1000000001 })).toMatchObject({ Deployment: { Status: 0 } });
  });
});
