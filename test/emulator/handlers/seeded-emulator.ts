import { afterEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator/start-emulator.js';

// For the tests of the emulator's action handlers: an emulator with four files in two workspaces, closed
// after each test; below, the parameters of valid UpdateDISyncTask and CreateDISyncTask calls to vary.
export function useSeededEmulator(): (options?: EmulatorOptions) => Promise<Emulator> {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return async (options = {}) => {
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
  };
}

export const job = (extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'job', version: '2.0', steps: [], ...extra });
export const update = (fileId: number, overrides: Record<string, string | number> = {}) => ({
  ProjectId: 10000,
  FileId: fileId,
  TaskType: 'DI_OFFLINE',
  TaskContent: job(),
  TaskParam: '{"ResourceGroup":"S_res_group_1","Cu":2}',
  ...overrides,
});

// The parameters of a valid CreateDISyncTask call, to vary.
const content = JSON.stringify({ type: 'job', version: '2.0', steps: [] });
export const create = (overrides: Record<string, string | number> = {}) => ({
  ProjectId: 10000,
  TaskType: 'DI_OFFLINE',
  TaskName: 'ods_users',
  TaskContent: content,
  TaskParam: JSON.stringify({ FileFolderPath: 'Business Flow/ods/Data Integration', ResourceGroup: 'S_res_group_1' }),
  ...overrides,
});

