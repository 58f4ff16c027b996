import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';

// The shapes the DataWorks gateway answers with, and writing them to the wire.

export type ApiFailure = { status: number; code: string; message: string };

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function failure(status: number, code: string, message: string): ApiFailure {
  return { status, code, message };
}

export function formatRecommend(code: string): string {
  return `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=dataworks-public`;
}

// Gateway errors (signature, throttling, unknown action) carry only these fields.
export function formatGatewayError(requestId: string, hostId: string, f: ApiFailure): Record<string, unknown> {
  return { RequestId: requestId, HostId: hostId, Code: f.code, Message: f.message, Recommend: formatRecommend(f.code) };
}

// Errors raised by DataWorks itself also repeat the outcome in the fields the operation's model has
// for it (Success, and ErrorCode, ErrorMessage and HttpStatusCode where the model has them): nothing
// the model does not document.
export function formatServiceError(requestId: string, hostId: string, f: ApiFailure, operation: { response: z.ZodType }): Record<string, unknown> {
  const shape = (operation.response as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const own: Record<string, unknown> = { Success: false, ErrorCode: f.code, ErrorMessage: f.message, HttpStatusCode: f.status };
  const documented = Object.fromEntries(Object.entries(own).filter(([key]) => key in shape));
  return { ...formatGatewayError(requestId, hostId, f), ...documented };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  if (requestId) headers['x-acs-request-id'] = requestId;
  res.writeHead(status, headers);
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
