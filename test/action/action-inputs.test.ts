import { annotateProblems } from '../../src/action/report-problems.js';
import { recordActions } from '../support/record-actions.js';
import { describe, expect, it } from 'vitest';
import { toCommandOptions } from '../../src/action/to-command-options.js';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { UserInputError } from '../../src/errors.js';

describe('parseActionInputs', () => {
  it('reads INPUT_* variables, dashes kept, with defaults', () => {
    const inputs = parseActionInputs({
      INPUT_COMMAND: 'apply',
      'INPUT_WORKING-DIRECTORY': 'infra',
      'INPUT_GITHUB-TOKEN': 'tok',
      INPUT_CONCURRENCY: '8',
      INPUT_QPS: '2.5',
      INPUT_COMMENT: 'off',
      INPUT_ONLY: 'jobs/ods/**\n\n  jobs/dwd/*.yaml \n',
    });
    expect(inputs).toMatchObject({
      command: 'apply',
      workingDirectory: 'infra',
      githubToken: 'tok',
      concurrency: 8,
      qps: 2.5,
      comment: false,
      commitState: true,
      refresh: false,
      only: ['jobs/ods/**', 'jobs/dwd/*.yaml'],
    });
    expect(parseActionInputs({})).toMatchObject({ command: 'plan', workingDirectory: '.', comment: true, only: [] });
  });

  it('collects every bad input into one error', () => {
    let caught: unknown;
    try {
      parseActionInputs({ INPUT_COMMAND: 'destroy', INPUT_CONCURRENCY: '0', INPUT_COMMENT: 'maybe', INPUT_QPS: 'fast' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserInputError);
    const message = (caught as Error).message;
    expect(message).toContain('input comment must be true/false or on/off, got "maybe"');
    expect(message).toContain('input qps must be a number, got "fast"');
    expect(message).toContain('input command');
    expect(message).toContain('input concurrency');
  });

  it('takes a role session of 900 to 43200 seconds, one hour unless given', () => {
    expect(parseActionInputs({}).roleSessionDuration).toBe(3600);
    expect(parseActionInputs({ 'INPUT_ROLE-SESSION-DURATION': '900' }).roleSessionDuration).toBe(900);
    expect(parseActionInputs({ 'INPUT_ROLE-SESSION-DURATION': '43200' }).roleSessionDuration).toBe(43_200);
    expect(() => parseActionInputs({ 'INPUT_ROLE-SESSION-DURATION': '899' })).toThrow('input role-session-duration: Too small: expected number to be >=900');
    expect(() => parseActionInputs({ 'INPUT_ROLE-SESSION-DURATION': '43201' })).toThrow('input role-session-duration: Too big: expected number to be <=43200');
    expect(() => parseActionInputs({ 'INPUT_ROLE-SESSION-DURATION': '3600.5' })).toThrow('input role-session-duration');
  });

  it('turns inputs into the options the CLI also builds, leaving unset ones to dwsync.yaml', () => {
    const options = toCommandOptions(parseActionInputs({ INPUT_QPS: '0' }), '/w');
    expect(options).toEqual({ root: '/w', qps: 0, refresh: false, force: false });
    expect(toCommandOptions(parseActionInputs({ INPUT_PRUNE: 'true' }), '/w')).toMatchObject({ prune: true });
    expect(toCommandOptions(parseActionInputs({ INPUT_PRUNE: 'off' }), '/w')).toMatchObject({ prune: false });
    expect(toCommandOptions(parseActionInputs({ 'INPUT_MAX-DELETES': '25' }), '/w')).toMatchObject({ maxDeletes: 25 });
    expect(() => parseActionInputs({ 'INPUT_MAX-DELETES': '-1' })).toThrow('input max-deletes');
  });
});

describe('annotateProblems', () => {
  it('turns a warning into a warning annotation on its line, and an error into an error', () => {
    const io = recordActions();
    const warning = { file: 'jobs/a.yaml', line: 3, column: 27, path: 'taskParam.ResourceGroup', message: 'not listed', severity: 'warning' as const };
    const error = { file: 'jobs/a.yaml', line: 18, column: 31, path: 'taskContent.steps[1].parameter.datasource', message: 'no such datasource' };
    annotateProblems(io, [warning, error], '.');
    expect(io.lines).toEqual([
      'warning: not listed {"title":"dwsync: taskParam.ResourceGroup","file":"jobs/a.yaml","startLine":3,"startColumn":27}',
      'error: no such datasource {"title":"dwsync: taskContent.steps[1].parameter.datasource","file":"jobs/a.yaml","startLine":18,"startColumn":31}',
    ]);
  });
});
