import { describe, expect, it } from 'vitest';
import { InternalError, RemoteError, UserInputError } from '../../src/errors.js';
import { renderErrorLines, renderErrorText } from '../../src/views/render-error-text.js';

const problem = { file: 'jobs/a.yaml', line: 2, column: 1, path: '', message: 'bad' };

describe('renderErrorLines', () => {
  it('locates every problem of the input, then says what stopped the run', () => {
    const error = new UserInputError('1 problem(s) in task files; nothing was planned', { problems: [problem] });
    expect(renderErrorLines(error)).toEqual(['jobs/a.yaml:2:1: error: bad', 'dwsync: 1 problem(s) in task files; nothing was planned']);
    expect(renderErrorText(error)).toBe('jobs/a.yaml:2:1: error: bad\ndwsync: 1 problem(s) in task files; nothing was planned\n');
  });

  it('names the code and request of a DataWorks answer, and only the message when none came', () => {
    const answered = new RemoteError({ message: 'denied', status: 403, code: 'Forbidden', requestId: 'r-1', retryable: false });
    expect(renderErrorLines(answered)).toEqual(['dwsync: DataWorks answered Forbidden: denied (request r-1)']);
    const unanswered = new RemoteError({ message: 'cannot connect to x', status: null, code: 'ECONNREFUSED', retryable: true });
    expect(renderErrorLines(unanswered)).toEqual(['dwsync: cannot connect to x']);
  });

  it('asks for a report of an internal error, with its stack', () => {
    const [line] = renderErrorLines(new InternalError('oops'));
    expect(line).toMatch(/^dwsync: internal error, please report it: InternalError: oops\n {4}at /);
  });
});
