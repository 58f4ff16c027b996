import { DATA_STUDIO_API, LEGACY_API, type ApiVersion } from '../core/config/api-version.js';
import { RemoteError } from '../errors.js';
import type { TaskCalls } from './task-calls.js';

// A workspace asked in the API generation it does not speak. Alibaba publishes no error code for it:
// its Data Studio agent skill (aliyun/alibabacloud-aiops-skills) reports that legacy calls on a
// new-Data-Studio workspace fail with "Code does not exist". The two codes are the emulator's.
const WRONG_API_CODES = new Set(['Invalid.DataStudio.LegacyApi', 'Invalid.DataStudio.NotEnabled']);
const LEGACY_ON_NEW_STUDIO = /^Code does not exist\b/i;

export function isWrongApi(error: unknown, api: ApiVersion): error is RemoteError {
  if (!(error instanceof RemoteError)) return false;
  return WRONG_API_CODES.has(error.code) || (api === LEGACY_API && LEGACY_ON_NEW_STUDIO.test(error.message));
}

// The same error, its message saying which setting to change: dwsync.yaml names each workspace's API.
export function explainWrongApi(error: RemoteError, projectId: number, api: ApiVersion): RemoteError {
  const fix =
    api === LEGACY_API
      ? `workspace ${projectId} answers as a new Data Studio one: set workspaces."${projectId}".api to "${DATA_STUDIO_API}" in dwsync.yaml (dwsync doctor shows what the service suggests) and name its tasks by nodeId, or by name and folder (dwsync rekey)`
      : `workspace ${projectId} answers as a legacy Data Studio one: remove workspaces."${projectId}" from dwsync.yaml, or set its api to "${LEGACY_API}"`;
  const explained = new RemoteError({
    message: `${error.message} (${fix})`,
    status: error.status,
    code: error.code,
    requestId: error.requestId,
    retryable: false,
    quota: error.quota,
    cause: error,
  });
  const attempts = (error as { attempts?: unknown }).attempts;
  if (typeof attempts === 'number') Object.defineProperty(explained, 'attempts', { value: attempts, enumerable: true });
  return explained;
}

// The calls of one generation, a wrong-generation answer explained.
export function explainingWrongApi(calls: TaskCalls): TaskCalls {
  const guard = async <T>(projectId: number, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw isWrongApi(error, calls.api) ? explainWrongApi(error, projectId, calls.api) : error;
    }
  };
  const explained: TaskCalls = {
    api: calls.api,
    update: (entry, target, deps) => guard(entry.task!.projectId, () => calls.update(entry, target, deps)),
    findOrCreate: (task, deps) => guard(task.projectId, () => calls.findOrCreate(task, deps)),
    deploy: (projectId, target, comment, deps) => guard(projectId, () => calls.deploy(projectId, target, comment, deps)),
    remove: (projectId, target, deps) => guard(projectId, () => calls.remove(projectId, target, deps)),
    readLive: (projectId, target, deps) => guard(projectId, () => calls.readLive(projectId, target, deps)),
  };
  const { pushSchedule } = calls;
  if (pushSchedule) explained.pushSchedule = (entry, target, record, deps) => guard(entry.task!.projectId, () => pushSchedule(entry, target, record, deps));
  return explained;
}
