import { describe, expect, it } from 'vitest';
import { InternalError, RemoteError, UserInputError } from '../src/errors.js';

// The three error classes: what each carries, and the defaults of what a caller leaves out.

describe('errors', () => {
  it('UserInputError carries its problems (none by default) and its cause', () => {
    const problem = { file: 'jobs/a.yaml', line: 2, column: 3, path: 'fileId', message: 'fileId must be an integer > 0, got -1' };
    const cause = new Error('inner');
    const error = new UserInputError('1 problem(s) in task files', { problems: [problem], cause });
    expect([error.name, error.message, error.problems, error.cause]).toEqual(['UserInputError', '1 problem(s) in task files', [problem], cause]);
    expect(error).toBeInstanceOf(Error);
    const bare = new UserInputError('no');
    expect([bare.problems, bare.cause, 'cause' in bare]).toEqual([[], undefined, true]);
  });

  it('RemoteError carries the status, code and request id, and is not a quota stop unless said', () => {
    const error = new RemoteError({ message: 'busy', status: 503, code: 'ServiceUnavailable', retryable: true });
    expect({ ...error, name: error.name, message: error.message }).toEqual({
      name: 'RemoteError',
      message: 'busy',
      status: 503,
      code: 'ServiceUnavailable',
      requestId: null,
      retryable: true,
      quota: false,
      retryAfterMs: null,
    });
    const full = new RemoteError({ message: 'quota', status: 429, code: 'Throttling.Api.Risk', requestId: 'R-1', retryable: false, quota: true, retryAfterMs: 0, cause: 'x' });
    expect([full.requestId, full.quota, full.retryAfterMs, full.cause]).toEqual(['R-1', true, 0, 'x']);
    expect(new RemoteError({ message: 'reset', status: null, code: 'ECONNRESET', retryable: true }).status).toBeNull();
  });

  it('InternalError is named for a bug and keeps its cause', () => {
    const cause = new TypeError('x is undefined');
    const error = new InternalError('the plan lost a task', { cause });
    expect([error.name, error.message, error.cause, error instanceof Error]).toEqual(['InternalError', 'the plan lost a task', cause, true]);
  });

  it('tells the three apart by class and by name, also in a stack trace', () => {
    const errors = [new UserInputError('a'), new RemoteError({ message: 'b', status: 400, code: 'C', retryable: false }), new InternalError('c')];
    expect(errors.map((e) => String(e))).toEqual(['UserInputError: a', 'RemoteError: b', 'InternalError: c']);
    expect(errors.map((e) => e.stack?.split('\n')[0])).toEqual(['UserInputError: a', 'RemoteError: b', 'InternalError: c']);
    expect(errors.filter((e) => e instanceof UserInputError)).toHaveLength(1);
  });
});
