import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

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

// Errors raised by DataWorks itself also repeat the outcome in its own fields.
export function formatServiceError(requestId: string, hostId: string, f: ApiFailure): Record<string, unknown> {
  return {
    ...formatGatewayError(requestId, hostId, f),
    HttpStatusCode: f.status,
    Success: false,
    ErrorCode: f.code,
    ErrorMessage: f.message,
  };
}

export function formatSuccess(requestId: string, data: unknown): Record<string, unknown> {
  return { RequestId: requestId, Success: true, HttpStatusCode: 200, Data: data };
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
