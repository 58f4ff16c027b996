import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/dataworks/operations/operations.js';
import {
  failure,
  formatGatewayError,
  formatRecommend,
  formatServiceError,
  newRequestId,
  sendJson,
  sendText,
} from '../../src/emulator/responses.js';

// The shapes the gateway answers with, and how they go on the wire.

const f = failure(400, 'Invalid.Tenant.FileNotExists', 'The file does not exist. FileId:[1].');
const gateway = {
  RequestId: 'R-1',
  HostId: 'h:1',
  Code: 'Invalid.Tenant.FileNotExists',
  Message: 'The file does not exist. FileId:[1].',
  Recommend: 'https://api.aliyun.com/troubleshoot?q=Invalid.Tenant.FileNotExists&product=dataworks-public',
};

// What a real client receives when `write` answers a request.
async function served(write: (res: ServerResponse) => void): Promise<{ status: number; headers: Headers; text: string }> {
  const server = createServer((_req, res) => write(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('responses', () => {
  it('makes request ids as upper-case UUIDs, a new one each time', () => {
    const id = newRequestId();
    expect(id).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(newRequestId()).not.toBe(id);
  });

  it('points Recommend at the troubleshooting page of the code, encoded', () => {
    expect(formatRecommend('Throttling.User')).toBe('https://api.aliyun.com/troubleshoot?q=Throttling.User&product=dataworks-public');
    expect(formatRecommend('a b&c')).toBe('https://api.aliyun.com/troubleshoot?q=a%20b%26c&product=dataworks-public');
  });

  it('a gateway error has only RequestId, HostId, Code, Message and Recommend', () => {
    expect(formatGatewayError('R-1', 'h:1', f)).toEqual(gateway);
  });

  it('a service error adds the outcome in the fields the operation models, and no other', () => {
    expect(formatServiceError('R-1', 'h:1', f, operations.GetFile)).toEqual({
      ...gateway,
      Success: false,
      ErrorCode: 'Invalid.Tenant.FileNotExists',
      ErrorMessage: 'The file does not exist. FileId:[1].',
      HttpStatusCode: 400,
    });
    expect(formatServiceError('R-1', 'h:1', f, operations.GetProject)).toEqual({ ...gateway, Success: false, HttpStatusCode: 400 });
    expect(formatServiceError('R-1', 'h:1', f, operations.UpdateDISyncTask)).toEqual({ ...gateway, Success: false });
  });

  it('sends JSON with its byte length and the request id header when given', async () => {
    const withId = await served((res) => sendJson(res, 404, { Message: 'café' }, 'R-9'));
    expect(withId.status).toBe(404);
    expect(withId.text).toBe('{"Message":"café"}');
    expect(withId.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(withId.headers.get('content-length')).toBe(String(Buffer.byteLength('{"Message":"café"}')));
    expect(withId.headers.get('x-acs-request-id')).toBe('R-9');
    const withoutId = await served((res) => sendJson(res, 200, []));
    expect(withoutId.headers.get('x-acs-request-id')).toBeNull();
  });

  it('sends text with the given type and its byte length', async () => {
    const page = await served((res) => sendText(res, 502, 'text/html', '<h1>Bad Gateway ✗</h1>'));
    expect([page.status, page.headers.get('content-type'), page.headers.get('content-length'), page.text]).toEqual([
      502,
      'text/html',
      String(Buffer.byteLength('<h1>Bad Gateway ✗</h1>')),
      '<h1>Bad Gateway ✗</h1>',
    ]);
  });
});
