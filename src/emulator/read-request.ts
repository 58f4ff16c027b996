import type { IncomingMessage } from 'node:http';

// Reading what a client sent: the body bytes (bounded), the query pairs, and the RPC parameters
// from the query string and the form body together.

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError' as const;
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export type RequestTarget = { path: string; query: Array<[string, string]> };

export function parseTarget(url: string | undefined): RequestTarget {
  const raw = url ?? '/';
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? [] : [...new URLSearchParams(raw.slice(mark + 1))];
  return { path: path === '' ? '/' : path, query };
}

// The RPC parameters of a form body; none for another content type.
export function parseFormBody(body: Buffer, contentType: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  if (body.length > 0 && (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  }
  return params;
}
