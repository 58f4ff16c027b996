import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStateArtifactName, readArtifactService, uploadStateArtifact, type ArtifactUpload } from '../../src/action/upload-state-artifact.js';

// Which files go up under which name (the upload itself is shown against the fake artifact service
// in run-post-step.test.ts and the bundled tests).

const run = { serverUrl: 'https://github.com', repository: 'acme/jobs', runId: '42', attempt: '3' };

function recordingUpload(id: number | null = 7) {
  const calls: Array<{ name: string; files: string[]; rootDirectory: string }> = [];
  const upload: ArtifactUpload = async (name, files, rootDirectory) => {
    calls.push({ name, files, rootDirectory });
    return id === null ? {} : { id };
  };
  return { calls, upload };
}

describe('uploadStateArtifact', () => {
  it('zips the state with its path from the repository root, for a working directory below it', async () => {
    const { calls, upload } = recordingUpload();
    const root = path.join('/w', 'infra', 'dw');
    const statePath = path.join(root, '.dwsync', 'state-10000.json');
    const artifact = await uploadStateArtifact({ upload, run }, { statePath, root, directory: 'infra/dw' });
    expect(calls).toEqual([{ name: 'dwsync-state-10000-infra_dw-f12a52cd-attempt-3', files: [statePath], rootDirectory: '/w' }]);
    expect(artifact).toEqual({
      name: 'dwsync-state-10000-infra_dw-f12a52cd-attempt-3',
      url: 'https://github.com/acme/jobs/actions/runs/42/artifacts/7',
      command: 'gh run download 42 --repo acme/jobs --name dwsync-state-10000-infra_dw-f12a52cd-attempt-3',
      file: 'infra/dw/.dwsync/state-10000.json',
    });
  });

  it('a state file outside the repository goes up alone; without an id there is no link', async () => {
    const { calls, upload } = recordingUpload(null);
    const artifact = await uploadStateArtifact({ upload, run }, { statePath: '/elsewhere/s.json', root: '/w', directory: '.' });
    expect(calls[0]?.rootDirectory).toBe('/elsewhere');
    expect([artifact.file, artifact.url, artifact.name]).toEqual(['s.json', null, 'dwsync-s-attempt-3']);
  });
});

describe('formatStateArtifactName and readArtifactService', () => {
  it('keep names apart per directory, state file and attempt, in the characters artifact names allow', () => {
    expect(formatStateArtifactName('/w/.dwsync/state.json', '.', '1')).toBe('dwsync-state-attempt-1');
    expect(formatStateArtifactName('/w/.dwsync/state:a.json', '.', '1')).toBe('dwsync-state_a-attempt-1');
  });

  it('find the service only on a runner that gives the results URL, the runtime token and the run', () => {
    const env = { ACTIONS_RESULTS_URL: 'https://results.example/', ACTIONS_RUNTIME_TOKEN: 't', GITHUB_RUN_ID: '42', GITHUB_REPOSITORY: 'acme/jobs', GITHUB_RUN_ATTEMPT: '3' };
    expect(readArtifactService(env)?.run).toEqual(run);
    for (const name of Object.keys(env).filter((n) => n !== 'GITHUB_RUN_ATTEMPT')) expect(readArtifactService({ ...env, [name]: '' })).toBeNull();
  });
});
