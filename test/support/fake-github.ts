import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A GitHub REST server on 127.0.0.1 with the routes the Action uses, answering in GitHub's shapes:
// issue comments (paginated in small pages, each with the user.login of the token that wrote it),
// GET /user (a personal token's login; an installation token such as GITHUB_TOKEN gets 403, as on
// GitHub), GET pulls/{n} (head.sha) and GET commits/{sha}/pulls. It records every request, headers
// included, so tests can check what was sent and that the token went only here.
// It also plays the runner's ID token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL, which a job with
// `id-token: write` gets): GET with the request token as bearer and `&audience=`, answered
// {"value": JWT} with GitHub's claims; each token lives 5 minutes, as GitHub's do.

export type RecordedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string };
export type StoredComment = { id: number; issue: number; body: string; user: { login: string; type: string }; html_url: string };
export type StoredPull = { number: number; headSha: string; state: 'open' | 'closed'; mergeCommitSha: string | null };

export type IssuedIdToken = { value: string; audience: string; subject: string; issuedAt: number; expiresAt: number };

export type FakeGithub = {
  url: string;
  idTokenUrl: string; // what the runner puts in ACTIONS_ID_TOKEN_REQUEST_URL (it already has a query)
  idTokens: IssuedIdToken[];
  refuseIdTokens(answer: { status: number; message: string } | null): void; // null: issue them again
  requests: RecordedRequest[];
  comments: StoredComment[];
  pulls: StoredPull[];
  seedComment(issue: number, body: string, login?: string): StoredComment;
  setPull(pull: StoredPull): void;
  close(): Promise<void>;
};

export type FakeGithubOptions = {
  owner: string;
  repo: string;
  pageSize?: number;
  readOnly?: boolean;
  users?: Record<string, string>; // personal tokens → their login; any other token is GITHUB_TOKEN (github-actions[bot])
  apps?: Record<string, string>; // GitHub App installation tokens → their bot login; /user refuses them
  idTokenRequestToken?: string; // ACTIONS_ID_TOKEN_REQUEST_TOKEN; without it no ID token is issued
  now?: () => number; // the clock of the ID tokens' iat and exp (default Date.now)
};

export const ID_TOKEN_LIFETIME_MS = 5 * 60_000;
const ID_TOKEN_PATH = '/_apis/distributedtask/hubs/Actions/plans/plan-1/jobs/job-1/idtoken';

const BOT = 'github-actions[bot]';

export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  const pulls: StoredPull[] = [];
  let nextId = 1000;
  const base = `/repos/${options.owner}/${options.repo}`;
  const web = `https://github.test/${options.owner}/${options.repo}`;
  const pageSize = options.pageSize ?? 2;
  const now = options.now ?? Date.now;
  const idTokens: IssuedIdToken[] = [];
  let idTokenRefusal: { status: number; message: string } | null = null;
  let url = '';

  const issueIdToken = (audience: string): IssuedIdToken => {
    const issuedAt = now();
    const subject = `repo:${options.owner}/${options.repo}:ref:refs/heads/main`;
    const claims = {
      jti: `jti-${idTokens.length + 1}`,
      sub: subject,
      aud: audience,
      ref: 'refs/heads/main',
      repository: `${options.owner}/${options.repo}`,
      iss: 'https://token.actions.githubusercontent.com',
      nbf: Math.floor(issuedAt / 1000) - 5,
      iat: Math.floor(issuedAt / 1000),
      exp: Math.floor((issuedAt + ID_TOKEN_LIFETIME_MS) / 1000),
    };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const value = `${part({ typ: 'JWT', alg: 'RS256', kid: 'fake' })}.${part(claims)}.${Buffer.from(`sig-${idTokens.length + 1}`).toString('base64url')}`;
    const token = { value, audience, subject, issuedAt, expiresAt: issuedAt + ID_TOKEN_LIFETIME_MS };
    idTokens.push(token);
    return token;
  };

  const store = (issue: number, body: string, login: string): StoredComment => {
    const id = nextId++;
    const type = login.endsWith('[bot]') ? 'Bot' : 'User';
    const comment = { id, issue, body, user: { login, type }, html_url: `${web}/pull/${issue}#issuecomment-${id}` };
    comments.push(comment);
    return comment;
  };
  const pullShape = (p: StoredPull) => ({
    url: `${url}${base}/pulls/${p.number}`,
    id: 9_000_000 + p.number,
    number: p.number,
    state: p.state,
    html_url: `${web}/pull/${p.number}`,
    merged_at: p.mergeCommitSha && p.state === 'closed' ? '2026-12-01T10:00:00Z' : null,
    merge_commit_sha: p.mergeCommitSha,
    user: { login: 'octocat', type: 'User' },
    head: { ref: `topic-${p.number}`, sha: p.headSha, repo: { full_name: `${options.owner}/${options.repo}` } },
    base: { ref: 'main', sha: '9049f1265b7d61be4a8904a9a27120d2064dab3b', repo: { full_name: `${options.owner}/${options.repo}` } },
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ method: req.method ?? '', path: target.pathname + target.search, headers: req.headers, body });
      const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(value));
      };
      if (target.pathname === ID_TOKEN_PATH && req.method === 'GET') {
        const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (!options.idTokenRequestToken || bearer !== options.idTokenRequestToken) return send(401, { message: 'Bad credentials' });
        if (target.searchParams.get('api-version') !== '2.0') return send(400, { message: 'api-version 2.0 is required' });
        if (idTokenRefusal) return send(idTokenRefusal.status, { message: idTokenRefusal.message });
        return send(200, { value: issueIdToken(target.searchParams.get('audience') ?? `https://github.com/${options.owner}`).value });
      }
      const auth = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '');
      if (!auth) return send(401, { message: 'Requires authentication' });
      const userLogin = options.users?.[auth[1]!];
      const login = userLogin ?? options.apps?.[auth[1]!] ?? BOT;
      const route = (pattern: string) => new RegExp(`^${pattern}$`).exec(target.pathname);
      const writing = req.method !== 'GET';
      if (writing && options.readOnly) return send(403, { message: 'Resource not accessible by integration' });

      if (route('/user') && req.method === 'GET') {
        if (userLogin === undefined) return send(403, { message: 'Resource not accessible by integration' });
        return send(200, { login: userLogin, id: 4242, type: 'User' });
      }
      const pull = route(`${base}/pulls/(\\d+)`);
      if (pull && req.method === 'GET') {
        const found = pulls.find((p) => p.number === Number(pull[1]));
        return found ? send(200, pullShape(found)) : send(404, { message: 'Not Found' });
      }
      const ofCommit = route(`${base}/commits/([0-9a-f]{40})/pulls`);
      if (ofCommit && req.method === 'GET') {
        const sha = ofCommit[1];
        return send(200, pulls.filter((p) => p.mergeCommitSha === sha || p.headSha === sha).map(pullShape));
      }
      const list = route(`${base}/issues/(\\d+)/comments`);
      const one = route(`${base}/issues/comments/(\\d+)`);
      if (list && req.method === 'GET') {
        const issue = Number(list[1]);
        const all = comments.filter((c) => c.issue === issue);
        const page = Math.max(1, Number(target.searchParams.get('page') ?? '1'));
        const size = Math.min(pageSize, Number(target.searchParams.get('per_page') ?? '30'));
        const pages = Math.max(1, Math.ceil(all.length / size));
        const headers: Record<string, string> = {};
        if (page < pages) {
          const next = new URL(target.pathname, url);
          next.searchParams.set('per_page', String(size));
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return send(200, all.slice((page - 1) * size, page * size), headers);
      }
      if (list && req.method === 'POST') {
        const parsed = JSON.parse(body) as { body?: unknown };
        if (typeof parsed.body !== 'string') return send(422, { message: 'body is missing' });
        if (parsed.body.length > 65_536) return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        return send(201, store(Number(list[1]), parsed.body, login));
      }
      if (one && req.method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(one[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        // As on GitHub, a token with pull-requests: write may edit anyone's comment: adopting only our
        // own is the Action's job.
        const parsed = JSON.parse(body) as { body?: unknown };
        if (typeof parsed.body !== 'string') return send(422, { message: 'body is missing' });
        if (parsed.body.length > 65_536) return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        comment.body = parsed.body;
        return send(200, comment);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    idTokenUrl: `${url}${ID_TOKEN_PATH}?api-version=2.0`,
    idTokens,
    refuseIdTokens: (answer) => {
      idTokenRefusal = answer;
    },
    requests,
    comments,
    pulls,
    seedComment: (issue, body, login = 'someone') => store(issue, body, login),
    setPull: (p) => {
      const at = pulls.findIndex((q) => q.number === p.number);
      if (at >= 0) pulls[at] = p;
      else pulls.push(p);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
