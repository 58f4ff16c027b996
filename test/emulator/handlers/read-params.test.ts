import { describe, expect, it } from 'vitest';
import { readOptionalLong, readPage, readRequiredLong, readRequiredString } from '../../../src/emulator/handlers/read-params.js';
import { callWithSdkFailing } from '../call-with-sdk.js';
import { useSeededEmulator } from './seeded-emulator.js';

// Typed parameters read the way the gateway checks them: a missing one named, a malformed one quoted.

const startSeeded = useSeededEmulator();

const failed = (code: string, message: string) => ({ ok: false, status: 400, code, message });
const invalid = (name: string, raw: string) => failed('InvalidParameter', `The specified parameter ${name} is not valid: ${JSON.stringify(raw)}.`);

describe('readRequiredLong', () => {
  it('reads digits, negative ones too, up to the largest safe integer', () => {
    expect(readRequiredLong({ FileId: '42' }, 'FileId')).toBe(42);
    expect(readRequiredLong({ FileId: '-3' }, 'FileId')).toBe(-3);
    expect(readRequiredLong({ FileId: '007' }, 'FileId')).toBe(7);
    expect(readRequiredLong({ FileId: String(Number.MAX_SAFE_INTEGER) }, 'FileId')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('names a missing or empty parameter as Missing<Name>', () => {
    expect(readRequiredLong({}, 'FileId')).toEqual(failed('MissingFileId', 'FileId is mandatory for this action.'));
    expect(readRequiredLong({ FileId: '' }, 'FileId')).toEqual(failed('MissingFileId', 'FileId is mandatory for this action.'));
  });

  it('refuses what is not a whole number in digits, or is beyond a safe integer', () => {
    for (const raw of ['1.5', '1e3', ' 1', '0x10', 'abc', '+1', '9007199254740993', '1234567890123456789']) {
      expect(readRequiredLong({ FileId: raw }, 'FileId')).toEqual(invalid('FileId', raw));
    }
  });
});

describe('readOptionalLong and readRequiredString', () => {
  it('falls back when absent or empty, and still refuses a malformed value', () => {
    expect(readOptionalLong({}, 'PageSize', 10)).toBe(10);
    expect(readOptionalLong({ PageSize: '' }, 'PageSize', 10)).toBe(10);
    expect(readOptionalLong({ PageSize: '25' }, 'PageSize', 10)).toBe(25);
    expect(readOptionalLong({ PageSize: 'ten' }, 'PageSize', 10)).toEqual(invalid('PageSize', 'ten'));
  });

  it('reads a string as sent, naming it when missing or empty', () => {
    expect(readRequiredString({ TaskType: ' DI_OFFLINE ' }, 'TaskType')).toBe(' DI_OFFLINE ');
    expect(readRequiredString({ TaskType: '' }, 'TaskType')).toEqual(failed('MissingTaskType', 'TaskType is mandatory for this action.'));
  });
});

describe('readPage', () => {
  it('pages from 1 in tens by default, up to 100 a page', () => {
    expect(readPage({})).toEqual({ pageNumber: 1, pageSize: 10 });
    expect(readPage({ PageNumber: '3', PageSize: '100' })).toEqual({ pageNumber: 3, pageSize: 100 });
    expect(readPage({ PageSize: '1' })).toEqual({ pageNumber: 1, pageSize: 1 });
  });

  it('refuses a page number below 1 and a size outside 1..100, with the value', () => {
    expect(readPage({ PageNumber: '0' })).toEqual(failed('InvalidParameter', 'PageNumber must be at least 1, got 0.'));
    expect(readPage({ PageSize: '0' })).toEqual(failed('InvalidParameter', 'PageSize must be between 1 and 100, got 0.'));
    expect(readPage({ PageSize: '101' })).toEqual(failed('InvalidParameter', 'PageSize must be between 1 and 100, got 101.'));
    expect(readPage({ PageNumber: 'x', PageSize: 'y' })).toEqual(invalid('PageNumber', 'x'));
  });

  it('reaches the client as a 400 with the code and message', async () => {
    const em = await startSeeded();
    const err = await callWithSdkFailing(em.url, 'ListFiles', { ProjectId: 10000, PageNumber: -1 });
    expect([err.statusCode, err.code, err.data?.Message]).toEqual([400, 'InvalidParameter', 'PageNumber must be at least 1, got -1.']);
    const missing = await callWithSdkFailing(em.url, 'GetFile', { FileId: 1000000 });
    expect([missing.statusCode, missing.code, missing.data?.Message]).toEqual([400, 'MissingProjectId', 'ProjectId is mandatory for this action.']);
  });
});
