import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A GitHub REST server on 127.0.0.1 with the few issue-comment routes the Action uses. It keeps
// comments in memory, paginates listings (small pages, to exercise pagination) and records every
// request, headers included, so tests can check what was sent and that the token went only here.

export type RecordedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string };
export type StoredComment = { id: number; issue: number; body: string; user: { login: string }; html_url: string };

export type FakeGithub = {
  url: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  seedComment(issue: number, body: string, login?: string): StoredComment;
  close(): Promise<void>;
};

export type FakeGithubOptions = { owner: string; repo: string; pageSize?: number; readOnly?: boolean };

export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  let nextId = 1000;
  const base = `/repos/${options.owner}/${options.repo}`;
  const pageSize = options.pageSize ?? 2;
  let url = '';

  const store = (issue: number, body: string, login: string): StoredComment => {
    const id = nextId++;
    const comment = { id, issue, body, user: { login }, html_url: `https://github.test/${options.owner}/${options.repo}/pull/${issue}#issuecomment-${id}` };
    comments.push(comment);
    return comment;
  };

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
      if (!/^(token|Bearer) .+/.test(req.headers.authorization ?? '')) return send(401, { message: 'Requires authentication' });
      const list = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(target.pathname);
      const one = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(target.pathname);
      const writing = req.method !== 'GET';
      if (writing && options.readOnly) return send(403, { message: 'Resource not accessible by integration' });
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
        return send(201, store(Number(list[1]), parsed.body, 'github-actions[bot]'));
      }
      if (one && req.method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(one[1]));
        if (!comment) return send(404, { message: 'Not Found' });
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
    requests,
    comments,
    seedComment: (issue, body, login = 'someone') => store(issue, body, login),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
