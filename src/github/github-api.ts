import type { CommentsPort } from './sticky-comment.js';

// The few GitHub REST calls the Action makes, behind one port so the steps never build a client.

export type PullRequestRef = { number: number; htmlUrl: string; mergeCommitSha: string | null; state: string };

export type GithubApi = {
  // The login comments written with this token carry. A personal token answers GET /user; the
  // workflow's GITHUB_TOKEN cannot (403), and its comments are github-actions[bot]'s.
  readIdentity(): Promise<string>;
  readPullHead(pullNumber: number): Promise<string>; // GET /repos/{owner}/{repo}/pulls/{n}: head.sha
  listPullsOfCommit(sha: string): Promise<PullRequestRef[]>; // GET /repos/{owner}/{repo}/commits/{sha}/pulls
  comments(issueNumber: number): CommentsPort;
};

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
