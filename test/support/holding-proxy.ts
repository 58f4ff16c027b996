import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// An HTTP proxy in front of the emulator that can hold back the answers to one action: the service has
// acted, the client has not heard. What a lost answer or a process killed mid-call looks like from the
// service's side. Requests are forwarded byte for byte, headers included, so signatures still verify.
export type HoldingProxy = {
  url: string;
  held: number; // answers received from upstream and held back so far
  delivered: number; // answers to the held action passed on
  close(): Promise<void>;
};

export async function startHoldingProxy(upstream: string, options: { action: string; holdMs: number }): Promise<HoldingProxy> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  const proxy: HoldingProxy = { url: '', held: 0, delivered: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            const send = () => {
              if (res.destroyed) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            };
            if (req.headers['x-acs-action'] !== options.action) return send();
            proxy.held += 1;
            setTimeout(() => {
              proxy.delivered += 1;
              send();
            }, options.holdMs).unref();
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
