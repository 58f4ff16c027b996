import { describe, expect, it } from 'vitest';
import { InternalError, RemoteError, UserInputError } from '../../src/errors.js';
import { renderErrorJson } from '../../src/views/render-error-json.js';

const problem = { file: 'jobs/a.yaml', line: 2, column: 1, path: '', message: 'bad' };

describe('renderErrorJson', () => {
  it('prints one pretty-printed document with the kind, the message and the problems', () => {
    const text = renderErrorJson(new UserInputError('invalid', { problems: [problem] }));
    expect(text).toBe(`${JSON.stringify({ formatVersion: 1, error: { kind: 'input', message: 'invalid', problems: [problem] } }, null, 2)}\n`);
  });

  it('keeps the code and request id of a remote error, and says an internal one is internal', () => {
    const remote = new RemoteError({ message: 'denied', status: 403, code: 'Forbidden', requestId: null, retryable: false });
    expect(JSON.parse(renderErrorJson(remote))).toEqual({ formatVersion: 1, error: { kind: 'remote', message: 'denied', problems: [], code: 'Forbidden', requestId: null } });
    expect(JSON.parse(renderErrorJson(new InternalError('oops')))).toEqual({ formatVersion: 1, error: { kind: 'internal', message: 'oops', problems: [] } });
    expect(JSON.parse(renderErrorJson('thrown text'))).toEqual({ formatVersion: 1, error: { kind: 'internal', message: 'thrown text', problems: [] } });
  });
});
