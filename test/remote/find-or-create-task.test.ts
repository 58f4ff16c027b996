import { afterEach, describe, expect, it } from 'vitest';
import { requestStrings } from '../../src/core/plan/desired-config.js';
import type { Task } from '../../src/core/task/task.js';
import { RemoteError } from '../../src/errors.js';
import { clientToken, findOrCreateTask } from '../../src/remote/find-or-create-task.js';
import { buildNamedTask } from '../support/build-task.js';
import { sendJson, startRawServer } from '../dataworks/raw-server.js';
import { callsOf, sessionFor, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const folder = 'Business Flow/ods/Data Integration';
const task = buildNamedTask({ name: 'ods_users', folder }) as Task & { name: string; folder: string };

describe('findOrCreateTask', () => {
  it('adopts the one batch sync file of that exact name in that folder, asking ListFiles for exactly that', async () => {
    const { emulator, session } = await start({
      seed: [
        { projectId: 10000, fileId: 7, fileName: 'ods_users', fileFolderPath: folder },
        { projectId: 10000, fileId: 8, fileName: 'ods_users_2', fileFolderPath: folder },
      ],
    });
    expect(await findOrCreateTask(task, session)).toEqual({ kind: 'adopted', fileId: 7, attempts: 1 });
    expect(callsOf(emulator, 'ListFiles')).toEqual([
      { ProjectId: '10000', FileTypes: '23', ExactFileName: 'ods_users', FileFolderPath: folder, PageNumber: '1', PageSize: '100', NeedAbsoluteFolderPath: 'true' },
    ]);
    expect(callsOf(emulator, 'CreateDISyncTask')).toEqual([]);
  });

  it('creates it when there is none, with its folder in TaskParam and a ClientToken made of its key and config', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 7, fileName: 'other', fileFolderPath: folder }] });
    const found = await findOrCreateTask(task, session);
    const [create] = callsOf(emulator, 'CreateDISyncTask');
    const { taskContent, taskParam } = requestStrings(task);
    expect(found).toEqual({ kind: 'created', fileId: 900_000_001, requestId: emulator.state.calls.at(-1)!.requestId, attempts: 1 });
    expect(create).toEqual({
      ProjectId: '10000',
      TaskType: 'DI_OFFLINE',
      TaskName: 'ods_users',
      TaskContent: taskContent,
      TaskParam: JSON.stringify({ FileFolderPath: folder, ...(JSON.parse(taskParam) as object) }),
      ClientToken: clientToken(task.key, taskContent, taskParam),
    });
  });

  it('fails with AmbiguousTaskName, naming each file and its folder, when several have that name; creates nothing', async () => {
    const server = await startRawServer((_req, res) =>
      sendJson(res, 200, {
        RequestId: 'req-amb',
        Success: true,
        Data: {
          TotalCount: 3,
          Files: [
            { FileId: 11, FileName: 'ods_users', FileType: 23, AbsoluteFolderPath: `${folder}/a` },
            { FileId: 12, FileName: 'ods_users', FileType: 23, AbsoluteFolderPath: '' },
            { FileId: 13, FileName: 'ods_users', FileType: 10, AbsoluteFolderPath: folder }, // not a batch sync file
          ],
        },
      }),
    );
    closers.push(server.close);
    const err = await findOrCreateTask(task, sessionFor(server.url)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect(err).toMatchObject({
      code: 'AmbiguousTaskName',
      requestId: 'req-amb',
      retryable: false,
      message: `2 batch sync files are named "ods_users" in "${folder}": 11 (${folder}/a), 12; give the task's fileId instead of name and folder`,
    });
    expect(server.requests.map((r) => r.action)).toEqual(['ListFiles']);
  });

  it('a file of that name that is not a batch sync file, or only a similar name, is not adopted', async () => {
    const server = await startRawServer((req, res) => {
      if (req.action === 'ListFiles') {
        const Files = [
          { FileId: 13, FileName: 'ods_users', FileType: 10 },
          { FileId: 14, FileName: 'ODS_USERS', FileType: 23 },
        ];
        return sendJson(res, 200, { RequestId: 'l', Success: true, Data: { TotalCount: 2, Files } });
      }
      sendJson(res, 200, { RequestId: 'c', Success: true, Data: { Status: 'success', FileId: 99 } });
    });
    closers.push(server.close);
    expect(await findOrCreateTask(task, sessionFor(server.url))).toEqual({ kind: 'created', fileId: 99, requestId: 'c', attempts: 1 });
  });
});

describe('clientToken', () => {
  it('is the same for the same key and config, and differs when any of them does', () => {
    const token = clientToken('10000/f/n', '{"a":1}', '{"ResourceGroup":"g"}');
    expect(token).toMatch(/^dwsync-[0-9a-f]{48}$/);
    expect(clientToken('10000/f/n', '{"a":1}', '{"ResourceGroup":"g"}')).toBe(token);
    expect(new Set([token, clientToken('10000/f/m', '{"a":1}', '{"ResourceGroup":"g"}'), clientToken('10000/f/n', '{"a":2}', '{"ResourceGroup":"g"}'), clientToken('10000/f/n', '{"a":1}', '{"ResourceGroup":"h"}')]).size).toBe(4);
  });
});
