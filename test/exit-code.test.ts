import { describe, expect, it } from 'vitest';
import { RemoteError } from '../src/errors.js';
import { describeError } from '../src/exit-code.js';

describe('describeError', () => {
  it('says what failed for a call that got no answer, without claiming DataWorks answered', () => {
    const err = new RemoteError({ message: 'cannot connect to http://127.0.0.1:1: connection refused (is anything listening there?)', status: null, code: 'ECONNREFUSED', retryable: true });
    expect(describeError(err)).toEqual({ exitCode: 1, lines: ['dwsync: cannot connect to http://127.0.0.1:1: connection refused (is anything listening there?)'] });
  });

  it('names the code of an answer once', () => {
    const err = new RemoteError({ message: 'ResourceGroup:[S_x] is invalid.', status: 200, code: 'Invalid.DI.Parameter', requestId: 'r-1', retryable: false });
    const [line] = describeError(err).lines;
    expect(line).toBe('dwsync: DataWorks answered Invalid.DI.Parameter: ResourceGroup:[S_x] is invalid. (request r-1)');
    expect(line!.split('Invalid.DI.Parameter')).toHaveLength(2);
  });
});
