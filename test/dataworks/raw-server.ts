import http from 'node:http';
import type { AddressInfo } from 'node:net';

// params holds the query string and the form body together; query and body keep them apart.
export type SeenRequest = { action: string; params: URLSearchParams; query: URLSearchParams; body: URLSearchParams; headers: http.IncomingHttpHeaders };
export type RawHandler = (request: SeenRequest, res: http.ServerResponse) => void;

// A bare node:http server on 127.0.0.1 that answers with exactly the bytes a test wants, for
// the fault shapes the emulator does not produce. Every request it saw is kept.
export async function startRawServer(handler: RawHandler): Promise<{
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const seen = {
        action: String(req.headers['x-acs-action'] ?? ''),
        params: new URLSearchParams([...query, ...body]),
        query,
        body,
        headers: req.headers,
      };
      requests.push(seen);
      handler(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
