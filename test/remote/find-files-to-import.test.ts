import { afterEach, describe, expect, it } from 'vitest';

import { connect } from '../../src/commands/connect.js';
import { findFilesToImport } from '../../src/remote/find-files-to-import.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';
import { liveSeed } from '../support/live-task-builders.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

async function sessionWith(count: number) {
  fixture = await setupCommand(1); // its one task is outside the folders below
  for (let i = 0; i < count; i++) fixture.emulator.seedTask(liveSeed(i));
  return connect({ endpoint: null, region: 'cn-hangzhou', qps: 0 }, fixture.deps);
}

describe('findFilesToImport', () => {
  it('lists the whole project and keeps the tasks under --folder, on whole path segments', async () => {
    const session = await sessionWith(4);
    fixture!.emulator.seedTask(liveSeed(4, { fileFolderPath: 'Business Flow/ods2/Data Integration' }));
    const found = await findFilesToImport(session, { projectId: 10000, folder: 'Business Flow/ods' });
    expect(found).toEqual({
      files: [
        { id: 2_000_000, fileName: 'di_task_0', folderPath: 'Business Flow/ods/Data Integration' },
        { id: 2_000_003, fileName: 'di_task_3', folderPath: 'Business Flow/ods/Data Integration' },
      ],
      failures: [],
      listed: true,
    });
    const sent = fixture!.emulator.state.calls.filter((call) => call.action === 'ListFiles');
    expect(sent.map((call) => [call.parameters.FileTypes, call.parameters.FileIdIn])).toEqual([['23', undefined]]);
  });

  it('with --file-id asks ListFiles for just those ids, and a missing one is a failure, not an error', async () => {
    const session = await sessionWith(3);
    const found = await findFilesToImport(session, { projectId: 10000, fileIds: [2_000_001, 2_999_999] });
    expect(found.listed).toBe(false);
    expect(found.files.map((f) => f.id)).toEqual([2_000_001]);
    expect(found.failures).toMatchObject([{ key: '10000/2999999', outcome: 'failed', error: { code: 'FileNotFound' } }]);
    const sent = fixture!.emulator.state.calls.filter((call) => call.action === 'ListFiles');
    expect(sent.map((call) => call.parameters.FileIdIn)).toEqual(['2000001,2999999']);
  });
});
