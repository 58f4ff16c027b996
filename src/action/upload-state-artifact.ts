import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { formatDirectorySlug } from './step-context.js';

// Uploads files as one artifact of this run (zipped, paths relative to rootDirectory); the artifact's id.
export type ArtifactUpload = (name: string, files: string[], rootDirectory: string) => Promise<{ id?: number | undefined }>;

// The run the artifact belongs to, for the links and commands that fetch it.
export type ArtifactRun = { serverUrl: string; repository: string; runId: string; attempt: string };

// Where a state that cannot be pushed goes: the upload and the run it belongs to.
export type ArtifactService = { upload: ArtifactUpload; run: ArtifactRun };

export type StateArtifact = {
  name: string;
  url: string | null; // the artifact's page, which downloads it
  command: string; // the gh command that writes the state file where it belongs
  file: string; // the state file's path inside the artifact, relative to the repository root
};

// The toolkit's artifact client talks to the service named by ACTIONS_RESULTS_URL with the job's
// ACTIONS_RUNTIME_TOKEN, both of which the runner gives every JavaScript action. Without them (a run
// outside Actions) there is nothing to upload to.
export function readArtifactService(env: Record<string, string | undefined>): ArtifactService | null {
  if (!env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN || !env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return null;
  return {
    upload: (name, files, rootDirectory) => new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory),
    run: { serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com', repository: env.GITHUB_REPOSITORY, runId: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT ?? '1' },
  };
}

// Unique within the run: several dwsync steps in one job, the jobs of a matrix (each its own state
// file), and a re-run's attempt each get their own name; artifact names cannot hold "/" or ":".
export function formatStateArtifactName(statePath: string, directory: string, attempt: string): string {
  return `dwsync-${path.basename(statePath, '.json')}${formatDirectorySlug(directory)}-attempt-${attempt}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

// The state file, with its path from the repository root (the workspace, where a gh download at the
// root puts it back in place), or from its own folder when it lives outside the repository.
export async function uploadStateArtifact(
  service: ArtifactService,
  state: { statePath: string; root: string; directory: string },
): Promise<StateArtifact> {
  const { run } = service;
  const repositoryRoot = state.directory === '.' ? state.root : path.resolve(state.root, ...state.directory.split('/').map(() => '..'));
  const inside = !path.relative(repositoryRoot, state.statePath).startsWith('..');
  const rootDirectory = inside ? repositoryRoot : path.dirname(state.statePath);
  const name = formatStateArtifactName(state.statePath, state.directory, run.attempt);
  const { id } = await service.upload(name, [state.statePath], rootDirectory);
  return {
    name,
    url: id === undefined ? null : `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`,
    command: `gh run download ${run.runId} --repo ${run.repository} --name ${name}`,
    file: path.relative(rootDirectory, state.statePath).split(path.sep).join('/'),
  };
}
