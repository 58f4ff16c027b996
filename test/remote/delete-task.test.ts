import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../src/errors.js';
import { deleteTask } from '../../src/remote/delete-task.js';
import { systemClock } from '../../src/system-clock.js';
import { callsOf, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();

describe('deleteTask', () => {
  it('deletes a committed file and polls the deployment that removes it until the file is gone', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }], deploymentPolls: 0 });
    const result = await deleteTask({ projectId: 10000, fileId: 1 }, { ...session, clock: systemClock });
    const deleteCall = emulator.state.calls.find((c) => c.action === 'DeleteFile')!;
    expect(result).toEqual({ requestId: deleteCall.requestId, attempts: 1, alreadyGone: false });
    expect(callsOf(emulator, 'DeleteFile')).toEqual([{ ProjectId: '10000', FileId: '1' }]);
    expect(callsOf(emulator, 'GetDeployment')).toEqual([{ ProjectId: '10000', DeploymentId: '1000000001' }]);
    expect(emulator.state.tasks.has('10000/1')).toBe(false);
  });

  it('a file never committed is gone at once: nothing to poll', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    const { fileId } = await session.dataWorks.createDISyncTask({
      projectId: 10000,
      taskName: 'fresh',
      folderPath: 'Business Flow/x/Data Integration',
      taskContent: '{"type":"job"}',
      taskParam: '{"ResourceGroup":"S_g"}',
      clientToken: 'token-1',
    });
    const result = await deleteTask({ projectId: 10000, fileId }, { ...session, clock: systemClock });
    expect(result.alreadyGone).toBe(false);
    expect(callsOf(emulator, 'GetDeployment')).toEqual([]);
    expect(emulator.state.tasks.has(`10000/${fileId}`)).toBe(false);
  });

  it('a file already gone counts as deleted, with the refusal\'s request id', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    const result = await deleteTask({ projectId: 10000, fileId: 2 }, { ...session, clock: systemClock });
    const [call] = emulator.state.calls;
    expect(call?.code).toMatch(/FileNotExist/);
    expect(result).toEqual({ requestId: call!.requestId, attempts: 1, alreadyGone: true });
  });

  it('any other refusal is thrown', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'no' }, { action: 'DeleteFile' });
    const err = await deleteTask({ projectId: 10000, fileId: 1 }, { ...session, clock: systemClock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).code).toBe('Forbidden.Access');
    expect(emulator.state.tasks.has('10000/1')).toBe(true);
  });
});
