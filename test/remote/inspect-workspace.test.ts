import { afterEach, describe, expect, it } from 'vitest';

import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createSdkCaller } from '../../src/dataworks/create-sdk-caller.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { inspectWorkspace } from '../../src/remote/inspect-workspace.js';

let emulator: Emulator | null = null;
afterEach(async () => void (await emulator?.close()));

async function setup() {
  emulator = await startEmulator({ port: 0, seed: [{ projectId: 10000, fileId: 1000000, fileName: 'u_pk', fileFolderPath: 'Business Flow/ods/Data Integration' }] });
  const { call } = createSdkCaller({ endpoint: emulator.url, region: 'cn-hangzhou', credential: createAccessKeyCredential('emulator', 'emulator') });
  return call;
}

describe('inspectWorkspace', () => {
  it('a failed call is a failed check, and the next calls still go out', async () => {
    const call = await setup();
    emulator!.failNext({ kind: 'http', status: 400, code: 'Forbidden.Access' }, { action: 'GetProject' });
    const inspection = await inspectWorkspace(call, { projectId: 10000, writeProbe: false, api: '2020-05-18' });
    expect(inspection.checks.map((c) => [c.operation, c.outcome, c.error?.code])).toEqual([
      ['GetProject', 'failed', 'Forbidden.Access'],
      ['ListDataSources', 'as-documented', undefined],
      ['ListResourceGroups', 'as-documented', undefined],
      ['ListFiles', 'as-documented', undefined],
      ['GetFile', 'as-documented', undefined],
    ]);
    expect(emulator!.state.calls.map((c) => c.action)).toEqual(['GetProject', 'ListDataSources', 'ListResourceGroups', 'ListFiles', 'ListNodes', 'GetFile']);
    expect(inspection.content).toMatchObject({ fileId: 1000000, fileName: 'u_pk', folderPath: 'Business Flow/ods/Data Integration' });
    expect(inspection.writeProbe).toBeNull();
  });

  it('with --file-id asks ListFiles for that file only', async () => {
    const call = await setup();
    await inspectWorkspace(call, { projectId: 10000, fileId: 1000000, writeProbe: false, api: '2020-05-18' });
    const listed = emulator!.state.calls.find((c) => c.action === 'ListFiles')!;
    expect(listed.parameters.FileIdIn).toBe('1000000');
    expect(listed.parameters.NeedAbsoluteFolderPath).toBe('true');
  });
});
