import type { RemoteError } from '../errors.js';

// The service's "invalid file" answers (e.g. Invalid.Tenant.FileNotExists, Invalid.File.NotExist).
// A file of its own: callers that only classify an error (delete-task.ts, and through it plan) must
// not load the Alibaba SDK that create-data-works.ts brings in.
export function isMissingFile(err: RemoteError): boolean {
  return !err.retryable && /File\.?Not\.?Exists?|File\.?NotFound|Invalid\.File\b|InvalidFile/i.test(err.code);
}
