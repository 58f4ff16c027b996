import { getOctokit } from '@actions/github';
import type { CommentsPort } from './sticky-comment.js';

// The comments port over the GitHub REST API, for one issue or pull request.

export type IssueRef = { owner: string; repo: string; issueNumber: number };

export function createOctokitComments(token: string, apiUrl: string, issue: IssueRef): CommentsPort {
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  const where = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  return {
    async listComments() {
      return octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
    },
    async createComment(body) {
      return (await octokit.rest.issues.createComment({ ...where, body })).data;
    },
    async updateComment(id, body) {
      return (await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: id, body }))
        .data;
    },
  };
}
