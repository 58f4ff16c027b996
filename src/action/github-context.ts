import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject } from '../core/text/json.js';
import { UserInputError } from '../errors.js';

// What the runner tells the Action about the run, read from its environment and event payload.
// Built from an explicit env so tests drive it without touching process.env.

export type GithubContext = {
  eventName: string;
  owner: string;
  repo: string;
  pullRequestNumber: number | null;
  pullHeadSha: string | null; // the commit a pull request's run plans (GITHUB_SHA is a merge commit there)
  fromFork: boolean; // the pull request's head lives in another repository
  sha: string;
  branch: string | null; // from GITHUB_REF refs/heads/…; null for tags and pull-request merge refs
  defaultBranch: string | null;
  apiUrl: string;
  runUrl: string | null; // where the job summary shows
  workspace: string;
  runnerTemp: string;
};

export function parseGithubContext(env: Record<string, string | undefined>, payload: unknown): GithubContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new UserInputError('GITHUB_REPOSITORY must be set as OWNER/REPO');
  const event = isJsonObject(payload) ? payload : {};
  const pr = isJsonObject(event.pull_request) ? event.pull_request : null;
  const repository = isJsonObject(event.repository) ? event.repository : null;
  const ref = env.GITHUB_REF ?? '';
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    pullRequestNumber: pr && typeof pr.number === 'number' ? pr.number : null,
    pullHeadSha: pr && isJsonObject(pr.head) && typeof pr.head.sha === 'string' ? pr.head.sha : null,
    fromFork: pr !== null && repoName(pr.head) !== repoName(pr.base),
    sha: env.GITHUB_SHA ?? '',
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
    defaultBranch: repository && typeof repository.default_branch === 'string' ? repository.default_branch : null,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null,
    workspace,
    runnerTemp: env.RUNNER_TEMP ?? path.join(workspace, '..', '_temp'),
  };
}

export async function readGithubContext(env: Record<string, string | undefined>): Promise<GithubContext> {
  const eventPath = env.GITHUB_EVENT_PATH;
  const payload: unknown = eventPath ? JSON.parse(await readFile(eventPath, 'utf8')) : {};
  return parseGithubContext(env, payload);
}

function repoName(side: unknown): string | null {
  if (!isJsonObject(side) || !isJsonObject(side.repo)) return null;
  return typeof side.repo.full_name === 'string' ? side.repo.full_name : null;
}
