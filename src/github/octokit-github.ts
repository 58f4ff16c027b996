import { getOctokit } from '@actions/github';
import { ACTIONS_BOT_LOGIN, type GithubApi } from '../ports.js';

// The GitHub port over the REST API through Octokit, for one repository.

export type RepoRef = { owner: string; repo: string };

export function createOctokitGithub(token: string, apiUrl: string, where: RepoRef, author?: string): GithubApi {
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  let identity: Promise<string> | null = null;
  return {
    readIdentity() {
      if (author !== undefined) return Promise.resolve(author);
      identity ??= octokit.rest.users.getAuthenticated().then(
        (r) => r.data.login,
        (error: { status?: number }) => {
          // An installation token (GITHUB_TOKEN) may not read /user; anything else is a real failure.
          if (error.status === 403 || error.status === 401) return ACTIONS_BOT_LOGIN;
          identity = null; // a failed lookup (a network blip, a 5xx) is asked again next time
          throw error;
        },
      );
      return identity;
    },
    async readPullHead(pullNumber) {
      return (await octokit.rest.pulls.get({ ...where, pull_number: pullNumber })).data.head.sha;
    },
    async listPullsOfCommit(sha) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...where, commit_sha: sha });
      return data.map((pr) => ({ number: pr.number, htmlUrl: pr.html_url, mergeCommitSha: pr.merge_commit_sha ?? null, state: pr.state }));
    },
    comments(issueNumber) {
      const issue = { ...where, issue_number: issueNumber };
      return {
        async listComments() {
          const all = await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
          return all.map((c) => ({ id: c.id, body: c.body ?? null, html_url: c.html_url, user: c.user ? { login: c.user.login } : null }));
        },
        async createComment(body) {
          return (await octokit.rest.issues.createComment({ ...issue, body })).data;
        },
        async updateComment(id, body) {
          return (await octokit.rest.issues.updateComment({ ...where, comment_id: id, body })).data;
        },
      };
    },
  };
}
