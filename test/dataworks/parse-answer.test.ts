import { describe, expect, it } from 'vitest';
import { GetFile } from '../../src/dataworks/operations/get-file.js';
import { UpdateDISyncTask } from '../../src/dataworks/operations/update-di-sync-task.js';
import { parseAnswer, parseSucceededBody, requestIdOf, stringOr } from '../../src/dataworks/parse-answer.js';
import { RemoteError } from '../../src/errors.js';

function failure(run: () => unknown): RemoteError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteError);
    return error as RemoteError;
  }
  throw new Error('expected a RemoteError, nothing was thrown');
}

const fields = (e: RemoteError) => ({ code: e.code, message: e.message, status: e.status, requestId: e.requestId, retryable: e.retryable, quota: e.quota });

describe('parseSucceededBody', () => {
  it('returns a successful body as it is, Success absent or true', () => {
    expect(parseSucceededBody('{"RequestId":"r","Success":true,"Data":{"Status":"success"}}', 200)).toEqual({ RequestId: 'r', Success: true, Data: { Status: 'success' } });
    expect(parseSucceededBody('{"Data":1}', 200)).toEqual({ Data: 1 });
  });

  it('a 200 with Success: false is the service refusing, with its ErrorCode and ErrorMessage, not retried', () => {
    const e = failure(() => parseSucceededBody(JSON.stringify({ RequestId: 'r1', Success: false, ErrorCode: 'Invalid.Tenant.ProjectNotExists', ErrorMessage: 'no such project' }), 200));
    expect(fields(e)).toEqual({ code: 'Invalid.Tenant.ProjectNotExists', message: 'no such project', status: 200, requestId: 'r1', retryable: false, quota: false });
  });

  it('falls back to Code and Message, then to a generic code and message; a missing RequestId is null', () => {
    const e = failure(() => parseSucceededBody('{"Success":false,"Code":"Forbidden","Message":"denied"}', 200));
    expect(fields(e)).toEqual({ code: 'Forbidden', message: 'denied', status: 200, requestId: null, retryable: false, quota: false });
    const bare = failure(() => parseSucceededBody('{"RequestId":"","Success":false,"ErrorCode":""}', 200));
    expect(fields(bare)).toEqual({ code: 'Failed', message: 'the call did not succeed', status: 200, requestId: null, retryable: false, quota: false });
  });

  it('a Success: false with a Throttling code is retryable', () => {
    expect(failure(() => parseSucceededBody('{"Success":false,"ErrorCode":"Throttling.User"}', 200)).retryable).toBe(true);
  });

  it('a Data.Status "fail" in any case is an Invalid.DI.Parameter refusal with Data.Message', () => {
    const e = failure(() => parseSucceededBody('{"RequestId":"r2","Success":true,"Data":{"Status":"FAIL","Message":"ResourceGroup:[x] is invalid."}}', 200));
    expect(fields(e)).toEqual({ code: 'Invalid.DI.Parameter', message: 'ResourceGroup:[x] is invalid.', status: 200, requestId: 'r2', retryable: false, quota: false });
    expect(failure(() => parseSucceededBody('{"Data":{"Status":"fail"}}', 200)).message).toBe('the service reported Status: fail');
  });

  it('a body that is not JSON is InvalidResponse, one cut short is a retryable TruncatedResponse', () => {
    expect(fields(failure(() => parseSucceededBody('<html>busy</html>', 200)))).toEqual({
      code: 'InvalidResponse', message: 'the service answered HTTP 200 with a body that is not JSON', status: 200, requestId: null, retryable: false, quota: false,
    });
    expect(fields(failure(() => parseSucceededBody('{"RequestId":"r","Da', 200)))).toEqual({
      code: 'TruncatedResponse', message: 'the service answered HTTP 200 with a truncated JSON body', status: 200, requestId: null, retryable: true, quota: false,
    });
  });

  it('a body cut right after a brace or a comma is truncated too', () => {
    for (const text of ['{"RequestId":"r","Data":{', '{"RequestId":"r",', '[1,2']) {
      expect(failure(() => parseSucceededBody(text, 200))).toMatchObject({ code: 'TruncatedResponse', retryable: true });
    }
  });

  it('JSON that is not an object is InvalidResponse', () => {
    for (const text of ['[]', '"ok"', 'null', '3']) {
      expect(fields(failure(() => parseSucceededBody(text, 200)))).toMatchObject({ code: 'InvalidResponse', message: 'the response body is not a JSON object', retryable: false });
    }
  });

  it('scrubs a secret the service echoes in its message', () => {
    const e = failure(() => parseSucceededBody('{"Success":false,"ErrorCode":"X","ErrorMessage":"bad AccessKeySecret=abcdefghijklmnop1234"}', 200));
    expect(e.message).not.toContain('abcdefghijklmnop1234');
  });
});

describe('parseAnswer', () => {
  it('reads an answer through the operation\'s schema, ignoring fields the model does not know', () => {
    const answer = parseAnswer(UpdateDISyncTask, { RequestId: 'r', Success: true, Data: { Status: 'success', Extra: 1 }, Other: 'x' }, 200);
    expect(answer).toEqual({ RequestId: 'r', Success: true, Data: { Status: 'success' } });
  });

  it('a documented field of the wrong type is an InvalidResponse naming the operation and the field', () => {
    const e = failure(() => parseAnswer(GetFile, { RequestId: 'r3', Data: { File: { FileId: '12' } } }, 200));
    expect(e.code).toBe('InvalidResponse');
    expect(e.requestId).toBe('r3');
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/^GetFile answered something its model does not allow \(Data\.File\.FileId: .+\)$/);
  });
});

describe('requestIdOf and stringOr', () => {
  it('take only a non-empty string', () => {
    expect(requestIdOf({ RequestId: 'r' })).toBe('r');
    expect(requestIdOf({ RequestId: 5 })).toBe('');
    expect(requestIdOf({})).toBe('');
    expect(stringOr('', null)).toBeNull();
    expect(stringOr(3, 'x')).toBe('x');
    expect(stringOr('v', null)).toBe('v');
  });
});
