import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, MAX_BODY_BYTES, parseFormBody, parseTarget, readBody } from '../../src/emulator/read-request.js';

// Reading what a client sent: the body (bounded), the path and query pairs, the form parameters.

const request = (...chunks: Buffer[]) => Readable.from(chunks) as unknown as IncomingMessage;

describe('readBody', () => {
  it('joins the chunks as sent', async () => {
    expect((await readBody(request(Buffer.from('a=1'), Buffer.from('&b=2')))).toString()).toBe('a=1&b=2');
    expect((await readBody(request())).length).toBe(0);
  });

  it('takes a body of exactly the limit and refuses one byte more', async () => {
    expect((await readBody(request(Buffer.alloc(3), Buffer.alloc(2)), 5)).length).toBe(5);
    const error = await readBody(request(Buffer.alloc(3), Buffer.alloc(3)), 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).message).toBe('request body over 5 bytes');
    expect((error as Error).name).toBe('BodyTooLargeError');
  });

  it('has a limit of 8 MiB by default', () => {
    expect(MAX_BODY_BYTES).toBe(8 * 1024 * 1024);
  });
});

describe('parseTarget', () => {
  it('splits the path from the query, keeping repeated and encoded pairs in order', () => {
    expect(parseTarget('/x/y?b=2&a=1&a=%20z+w')).toEqual({ path: '/x/y', query: [['b', '2'], ['a', '1'], ['a', ' z w']] });
  });

  it('gives / for an empty path or a missing url, and no pairs without a query', () => {
    expect(parseTarget('?Action=GetFile')).toEqual({ path: '/', query: [['Action', 'GetFile']] });
    expect(parseTarget(undefined)).toEqual({ path: '/', query: [] });
    expect(parseTarget('/only')).toEqual({ path: '/only', query: [] });
    expect(parseTarget('/?')).toEqual({ path: '/', query: [] });
  });
});

describe('parseFormBody', () => {
  it('reads a form body, the last of a repeated field winning, whatever the content type’s case and charset', () => {
    const body = Buffer.from('TaskContent=%7B%22type%22%3A%22job%22%7D&X=1&X=2&Name=%E4%B8%AD');
    expect(parseFormBody(body, 'Application/X-WWW-Form-Urlencoded; charset=UTF-8')).toEqual({ TaskContent: '{"type":"job"}', X: '2', Name: '中' });
  });

  it('reads nothing from another content type, none, or an empty body', () => {
    expect(parseFormBody(Buffer.from('a=1'), 'application/json')).toEqual({});
    expect(parseFormBody(Buffer.from('a=1'), undefined)).toEqual({});
    expect(parseFormBody(Buffer.alloc(0), 'application/x-www-form-urlencoded')).toEqual({});
  });
});
