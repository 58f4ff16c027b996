import { describe, expect, it } from 'vitest';
import { toResultError } from '../../src/dataworks/to-result-error.js';
import { RemoteError } from '../../src/errors.js';
import { useEmulatorSession } from '../remote/emulator-session.js';

const start = useEmulatorSession();

describe('toResultError', () => {
  it('keeps the code, message, request id and status of a refused call, and how many attempts it took', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    emulator.failNext({ kind: 'http', status: 503, code: 'ServiceUnavailable', message: 'busy' }, { action: 'GetFile', times: 1 });
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'not yours' }, { action: 'GetFile', times: 1 });
    const error = await session.call(() => session.dataWorks.getFile({ projectId: 10000, fileId: 1 })).catch((e: unknown) => e);

    const refused = emulator.state.calls.at(-1)!;
    expect(toResultError(error)).toEqual({
      resultError: { code: 'Forbidden.Access', message: 'not yours', requestId: refused.requestId, status: 403 },
      attempts: 2,
      quota: false,
    });
  });

  it('a failure without an answer has no status and no request id; an error that never went through the runner counts one attempt', () => {
    const reset = new RemoteError({ message: 'socket hang up', status: null, code: 'ECONNRESET', retryable: true });
    expect(toResultError(reset)).toEqual({ resultError: { code: 'ECONNRESET', message: 'socket hang up' }, attempts: 1, quota: false });
  });

  it('anything else is classified first', () => {
    expect(toResultError('weird')).toEqual({ resultError: { code: 'Unknown', message: 'weird' }, attempts: 1, quota: false });
  });
});
