import { fail, type Failed } from './operation-handler.js';

// Reading typed parameters the way the gateway checks them. The gateway's own codes for a missing or
// malformed parameter are not in the SDK models; these follow Alibaba Cloud's common gateway codes
// (MissingParameter naming the parameter, InvalidParameter).

export function readRequiredLong(params: Record<string, string>, name: string): number | Failed {
  const raw = params[name];
  if (raw === undefined || raw === '') return fail(400, `Missing${name}`, `${name} is mandatory for this action.`);
  return parseLong(raw, name);
}

export function readOptionalLong(params: Record<string, string>, name: string, fallback: number): number | Failed {
  const raw = params[name];
  return raw === undefined || raw === '' ? fallback : parseLong(raw, name);
}

export function readRequiredString(params: Record<string, string>, name: string): string | Failed {
  const raw = params[name];
  if (raw === undefined || raw === '') return fail(400, `Missing${name}`, `${name} is mandatory for this action.`);
  return raw;
}

// ListFiles and ListDataSources page the same way: PageNumber from 1, PageSize 10 by default, at most 100.
const MAX_PAGE_SIZE = 100;

export function readPage(params: Record<string, string>): { pageNumber: number; pageSize: number } | Failed {
  const pageNumber = readOptionalLong(params, 'PageNumber', 1);
  if (typeof pageNumber !== 'number') return pageNumber;
  const pageSize = readOptionalLong(params, 'PageSize', 10);
  if (typeof pageSize !== 'number') return pageSize;
  if (pageNumber < 1) return fail(400, 'InvalidParameter', `PageNumber must be at least 1, got ${pageNumber}.`);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return fail(400, 'InvalidParameter', `PageSize must be between 1 and ${MAX_PAGE_SIZE}, got ${pageSize}.`);
  }
  return { pageNumber, pageSize };
}

function parseLong(raw: string, name: string): number | Failed {
  if (!/^-?\d{1,18}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    return fail(400, 'InvalidParameter', `The specified parameter ${name} is not valid: ${JSON.stringify(raw)}.`);
  }
  return Number(raw);
}
