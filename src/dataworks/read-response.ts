import { isJsonObject } from '../core/json.js';
import { RemoteError } from '../errors.js';
import type { DeploymentStatus, FileSummary, LiveFile } from './data-works.js';
import { scrubMessage } from './scrub-message.js';

type Body = Record<string, unknown>;

// Parses a 2xx body and checks that the call really succeeded: DataWorks also answers 200 with
// Success: false, or with Data.Status "fail" for UpdateDISyncTask. Those are the service saying
// no, so they are not retryable.
export function readSucceededBody(text: string, status: number): Body {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    // Our own parse of a 2xx: a body cut short is worth another try, garbage is not.
    const truncated = cause instanceof SyntaxError && /end of JSON input|Unterminated/i.test(cause.message);
    throw new RemoteError({
      message: `the service answered HTTP ${status} with ${truncated ? 'a truncated JSON body' : 'a body that is not JSON'}`,
      status,
      code: truncated ? 'TruncatedResponse' : 'InvalidResponse',
      retryable: truncated,
      cause,
    });
  }
  if (!isJsonObject(body)) throw invalid(status, null, 'the response body is not a JSON object');
  const requestId = stringOr(body['RequestId'], null);
  const data = body['Data'];
  if (body['Success'] === false) {
    const code = stringOr(body['ErrorCode'], null) ?? stringOr(body['Code'], null) ?? 'Failed';
    const message = stringOr(body['ErrorMessage'], null) ?? stringOr(body['Message'], null) ?? 'the call did not succeed';
    throw failed(status, requestId, code, message);
  }
  if (isJsonObject(data) && typeof data['Status'] === 'string' && data['Status'].toLowerCase() === 'fail') {
    const message = stringOr(data['Message'], null) ?? 'the service reported Status: fail';
    const code = stringOr(data['Code'], null) ?? stringOr(body['ErrorCode'], null) ?? 'Data.Status.Fail';
    throw failed(status, requestId, code, message);
  }
  return body;
}

export function readRequestId(body: Body): string {
  return stringOr(body['RequestId'], '') ?? '';
}

export function readUpdateResult(body: Body, status: number): { requestId: string } {
  const data = body['Data'];
  const ok = isJsonObject(data) && typeof data['Status'] === 'string' && data['Status'].toLowerCase() === 'success';
  // Counted as applied only on an explicit success (docs/formats.md: a call counts as applied only when Data.Status is "success").
  if (!ok) throw invalid(status, readRequestId(body), 'UpdateDISyncTask answered without Data.Status "success"');
  return { requestId: readRequestId(body) };
}

export function readLiveFile(body: Body, status: number): LiveFile {
  const data = body['Data'];
  const file = isJsonObject(data) ? data['File'] : undefined;
  if (!isJsonObject(data) || !isJsonObject(file)) throw invalid(status, readRequestId(body), 'GetFile answered without Data.File');
  const node = data['NodeConfiguration'];
  return {
    ...readFileSummary(file),
    content: stringOr(file['Content'], '') ?? '',
    resourceGroup: isJsonObject(node) ? stringOr(node['ResourceGroupIdentifier'], null) : null,
  };
}

export function readFileSummary(file: Body): FileSummary {
  return {
    fileId: Number(file['FileId']),
    fileName: stringOr(file['FileName'], '') ?? '',
    fileFolderPath: stringOr(file['AbsoluteFolderPath'], null) ?? stringOr(file['FileFolderPath'], '') ?? '',
    fileType: Number(file['FileType']),
  };
}

export function readFileList(body: Body, status: number): { totalCount: number; files: FileSummary[] } {
  const data = body['Data'];
  const files = isJsonObject(data) ? data['Files'] : undefined;
  if (!isJsonObject(data)) throw invalid(status, readRequestId(body), 'ListFiles answered without Data');
  const list = Array.isArray(files) ? files.filter(isJsonObject) : [];
  return { totalCount: Number(data['TotalCount'] ?? list.length), files: list.map(readFileSummary) };
}

export function readDeploymentId(body: Body, status: number): number {
  const id = Number(body['Data']);
  if (!Number.isFinite(id)) throw invalid(status, readRequestId(body), 'expected a deployment id in Data');
  return id;
}

export function readDeployment(body: Body, status: number): { status: DeploymentStatus; errorMessage: string | null } {
  const data = body['Data'];
  const deployment = isJsonObject(data) ? data['Deployment'] : undefined;
  if (!isJsonObject(deployment)) throw invalid(status, readRequestId(body), 'GetDeployment answered without Data.Deployment');
  const statuses: Record<number, DeploymentStatus> = { 0: 'pending', 1: 'success', 2: 'failed' };
  const value = statuses[Number(deployment['Status'])];
  if (!value) throw invalid(status, readRequestId(body), `unknown deployment status ${String(deployment['Status'])}`);
  const errorMessage = stringOr(deployment['ErrorMessage'], null);
  return { status: value, errorMessage: errorMessage ? scrubMessage(errorMessage) : null };
}

// ProjectMode 2 is basic, 3 standard; without it, a DEV environment means standard.
export function readProjectMode(body: Body, status: number): 'basic' | 'standard' {
  const data = body['Data'];
  if (!isJsonObject(data)) throw invalid(status, readRequestId(body), 'GetProject answered without Data');
  if (data['ProjectMode'] !== undefined) return Number(data['ProjectMode']) === 3 ? 'standard' : 'basic';
  const envs = data['EnvTypes'];
  return Array.isArray(envs) && envs.includes('DEV') ? 'standard' : 'basic';
}

function failed(status: number, requestId: string | null, code: string, message: string): RemoteError {
  return new RemoteError({ message: scrubMessage(`${code}: ${message}`), status, code, requestId, retryable: false });
}

function invalid(status: number, requestId: string | null, message: string): RemoteError {
  return new RemoteError({ message, status, code: 'InvalidResponse', requestId, retryable: false });
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
