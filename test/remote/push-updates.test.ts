import { describe, expect, it } from 'vitest';

import type { WorkItem } from '../../src/core/plan/plan-work.js';
import { pushUpdates } from '../../src/remote/push-updates.js';
import { clientToken } from '../../src/remote/find-or-create-task.js';
import { planTasks } from '../../src/core/plan/plan-tasks.js';
import type { DataWorks, FileSummary } from '../../src/ports.js';
import { RemoteError } from '../../src/errors.js';
import type { TaskRecord } from '../../src/core/state/state-schema.js';
import { buildNamedTask, buildTask } from '../support/build-task.js';
import { createFakeClock } from '../support/fake-clock.js';

// The create, adopt and delete paths of apply, against an in-memory DataWorks that keeps every call.
function fakeDataWorks(files: FileSummary[] = []) {
  const calls: Array<{ action: string; input: unknown }> = [];
  let next = 5_000_001;
  // Only the 2020-05-18 calls: a task of this fake's workspace never makes a 2024-05-18 one.
  const legacy: Partial<DataWorks> = {
    updateDISyncTask: async (input) => (calls.push({ action: 'update', input }), { requestId: 'u' }),
    getFile: async () => ({ requestId: 'g', file: null }),
    listFiles: async (input) => {
      calls.push({ action: 'find', input });
      const found = files.filter((f) => f.fileName === input.exactFileName);
      return { requestId: 'l', totalCount: found.length, files: found };
    },
    submitFile: async () => ({ requestId: 's', deploymentId: 1 }),
    deployFile: async () => ({ requestId: 'd', deploymentId: 2 }),
    getDeployment: async (input) => (calls.push({ action: 'getDeployment', input }), { requestId: 'gd', status: 'success', checking: false, errorMessage: null }),
    getProject: async () => ({ requestId: 'p', mode: 'basic', defaultDiResourceGroup: null, identifier: null }),
    createDISyncTask: async (input) => (calls.push({ action: 'create', input }), { requestId: 'c', fileId: next++ }),
    deleteFile: async (input) => {
      calls.push({ action: 'delete', input });
      if (input.fileId === 404) throw new RemoteError({ message: 'gone', status: 400, code: 'Invalid.File.NotExist', retryable: false });
      return { requestId: 'del', deploymentId: input.fileId === 7 ? 77 : null };
    },
    listDataSources: async () => ({ requestId: 'ds', totalCount: 0, dataSources: [] }),
    listResourceGroups: async () => ({ requestId: 'rg', groups: [] }),
  };
  return { dataWorks: legacy as DataWorks, calls };
}

async function run(items: WorkItem[], dataWorks: DataWorks, records: Record<string, TaskRecord> = {}) {
  const log: Array<[string, TaskRecord | null]> = [];
  const results = await pushUpdates(items, { concurrency: 2, commit: null }, {
    dataWorks,
    call: async (call) => ({ value: await call(), attempts: 1 }),
    clock: createFakeClock(),
    projectMode: async () => 'basic',
    recordOf: (key) => records[key] ?? null,
    record: async (key, record) => void (log.push([key, record]), (records[key] = record)),
    remove: async (key) => void (log.push([key, null]), delete records[key]),
  });
  return { results, log, records };
}

const salt = 'salt';

describe('apply of named tasks', () => {
  it('creates a task that does not exist, with its folder in TaskParam and a ClientToken, and records its fileId as applied', async () => {
    const task = buildNamedTask();
    const { dataWorks, calls } = fakeDataWorks();
    const [entry] = planTasks({ tasks: [task], records: {}, salt });
    const { results, log } = await run([{ kind: 'create', entry: entry! }], dataWorks);
    expect(results).toEqual([{ key: task.key, file: task.file, outcome: 'created', requestId: 'c', attempts: 1, fileId: 5_000_001 }]);
    const create = calls.find((c) => c.action === 'create')!.input as Record<string, string>;
    expect(create).toMatchObject({ taskName: 'ods_users', folderPath: 'Business Flow/ods/Data Integration' });
    expect(JSON.parse(create.taskParam!)).toEqual({ ResourceGroup: 'S_res_group_1_1', Cu: 2 });
    expect(create.clientToken).toBe(clientToken(task.key, JSON.stringify(task.taskContent), JSON.stringify(task.taskParam)));
    expect(calls.map((c) => c.action)).toEqual(['find', 'create']);
    expect(log).toHaveLength(1);
    expect(log[0]![1]).toMatchObject({ fileId: 5_000_001, lastAttempt: { outcome: 'applied' } });
    expect(log[0]![1]!.applied).not.toBeNull();
  });

  it('adopts the one file of that name: records its fileId before the update is sent', async () => {
    const task = buildNamedTask();
    const { dataWorks, calls } = fakeDataWorks([{ fileId: 42, fileName: task.name!, folderPath: task.folder!, fileType: 23 }]);
    const [entry] = planTasks({ tasks: [task], records: {}, salt });
    const { results, log } = await run([{ kind: 'create', entry: entry! }], dataWorks);
    expect(results[0]).toMatchObject({ outcome: 'applied', fileId: 42, reason: 'adopted' });
    expect(calls.map((c) => c.action)).toEqual(['find', 'update']);
    expect(calls[1]!.input).toMatchObject({ fileId: 42 });
    expect(log.map(([, r]) => [r?.fileId, r?.applied === null])).toEqual([
      [42, true],
      [42, false],
    ]);
  });

  it('fails, naming them, when several files have that name, and creates nothing', async () => {
    const task = buildNamedTask();
    const same = { fileName: task.name!, folderPath: task.folder!, fileType: 23 };
    const { dataWorks, calls } = fakeDataWorks([{ fileId: 42, ...same }, { fileId: 43, ...same }, { fileId: 44, ...same, fileType: 10 }]);
    const [entry] = planTasks({ tasks: [task], records: {}, salt });
    const { results } = await run([{ kind: 'create', entry: entry! }], dataWorks);
    expect(results[0]).toMatchObject({ outcome: 'failed', error: { code: 'AmbiguousTaskName' } });
    expect(results[0]!.error!.message).toMatch(/2 batch sync files .*42 .*43/);
    expect(calls.map((c) => c.action)).toEqual(['find']);
  });
});

describe('apply --prune', () => {
  it('deletes, polls the returned deployment, and removes the record; a file already gone counts as deleted', async () => {
    const gone = buildTask({ fileId: 7 });
    const vanished = buildTask({ fileId: 404 });
    const applied = (file: string): TaskRecord => ({ file, applied: { taskContent: {}, taskParam: {}, taskContentHash: 'a', taskParamHash: 'b', appliedAt: 't', commit: null, requestId: 'r' }, lastAttempt: null });
    const records = { [gone.key]: applied(gone.file), [vanished.key]: applied(vanished.file) };
    const planned = planTasks({ tasks: [], records, salt, prune: true });
    const { dataWorks, calls } = fakeDataWorks();
    const { results, records: after } = await run(planned.map((entry) => ({ kind: 'delete' as const, entry })), dataWorks, records);
    expect(results.map((r) => [r.key, r.outcome, r.fileId])).toEqual([
      ['10000/7', 'deleted', 7],
      ['10000/404', 'deleted', 404],
    ]);
    expect(calls.filter((c) => c.action === 'getDeployment').map((c) => c.input)).toEqual([{ projectId: 10000, deploymentId: 77 }]);
    expect(after).toEqual({});
  });
});
