import { describe, expect, it } from 'vitest';
import { parseActionInputs } from '../../src/action/action-inputs.js';
import { toCommandOptions } from '../../src/action/to-command-options.js';

// The Action's inputs become the same options the CLI's flags do; an input left empty stays unset,
// so that dwsync.yaml decides it.

const options = (env: Record<string, string>) => toCommandOptions(parseActionInputs(env), '/repo/infra');

describe('toCommandOptions', () => {
  it('sets only the root, refresh and force when every input is left empty', () => {
    expect(options({})).toEqual({ root: '/repo/infra', refresh: false, force: false });
    expect(options({ INPUT_STATE: '  ', INPUT_ONLY: '\n\n', INPUT_PRUNE: '', INPUT_ENDPOINT: '' })).toEqual({ root: '/repo/infra', refresh: false, force: false });
  });

  it('passes every input given, as its option', () => {
    expect(
      options({
        INPUT_STATE: '.dwsync/{projectId}.json',
        INPUT_WORKSPACE: '10000',
        INPUT_ENDPOINT: 'http://127.0.0.1:8787',
        INPUT_CONCURRENCY: '8',
        INPUT_QPS: '2.5',
        INPUT_ONLY: 'jobs/ods/**\r\n  jobs/dw/a.yaml  \n',
        INPUT_REFRESH: 'yes',
        INPUT_FORCE: 'on',
        INPUT_PRUNE: 'false',
      }),
    ).toEqual({
      root: '/repo/infra',
      statePath: '.dwsync/{projectId}.json',
      workspace: 10000,
      endpoint: 'http://127.0.0.1:8787',
      concurrency: 8,
      qps: 2.5,
      only: ['jobs/ods/**', 'jobs/dw/a.yaml'],
      refresh: true,
      force: true,
      prune: false,
    });
  });

  it('keeps a qps of 0 (no ceiling) and prune true', () => {
    expect(options({ INPUT_QPS: '0', INPUT_PRUNE: 'true' })).toEqual({ root: '/repo/infra', qps: 0, refresh: false, force: false, prune: true });
  });

  it('leaves out what only the Action reads: command, token, comments, the state commit, the apply branch', () => {
    const keys = Object.keys(
      options({ INPUT_COMMAND: 'apply', 'INPUT_GITHUB-TOKEN': 't', INPUT_COMMENT: 'false', 'INPUT_COMMIT-STATE': 'false', 'INPUT_APPLY-BRANCH': 'main', 'INPUT_WORKING-DIRECTORY': 'infra' }),
    );
    expect(keys.sort()).toEqual(['force', 'refresh', 'root']);
  });
});
