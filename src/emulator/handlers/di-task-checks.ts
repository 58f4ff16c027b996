import type { EmulatorState } from '../emulator-state.js';
import { fail, type Failed } from './operation-handler.js';

// What the DI task operations check in TaskContent and TaskParam. Their documented errors are
// 400 Invalid.DI.Parameter, 403 Forbidden.DI.NoPrivilege and 500 InternalError.DI.Parameter; an
// unknown resource group is not an error status but a 200 with Data.Status "fail" and the message
// "ResourceGroup:[...] is invalid." (the UpdateDISyncTask page's example).

export type DiRefusal = Failed | { ok: 'status-fail'; message: string };

export function checkTaskContent(text: string): Failed | null {
  const parsed = parseJson(text);
  if (parsed === undefined) return invalid('TaskContent is invalid. It must be a JSON string.');
  if (!isObject(parsed) || parsed.type !== 'job') {
    const type = isObject(parsed) ? String(parsed.type) : typeof parsed;
    return invalid(`TaskContent is invalid. The value of type must be job, got [${type}].`);
  }
  return null;
}

// A resource group is invalid when blank, or when the emulator's list of groups was set and lacks it.
export function checkTaskParam(text: string, state: EmulatorState): DiRefusal | null {
  const parsed = parseJson(text);
  if (parsed === undefined || !isObject(parsed)) return invalid('TaskParam is invalid. It must be a JSON object string.');
  const group = typeof parsed.ResourceGroup === 'string' ? parsed.ResourceGroup : '';
  const known = !state.resourceGroupsSet || state.resourceGroups.some((g) => g.identifier === group);
  if (group.trim() === '' || !known) return { ok: 'status-fail', message: `ResourceGroup:[${group}] is invalid.` };
  return null;
}

export function invalid(message: string): Failed {
  return fail(400, 'Invalid.DI.Parameter', message);
}

// The Content GetFile shows: the job JSON as last written, with the node's DI settings in `extend`
// the way the service keeps them (Alibaba's migration tool reads a DI node's group from
// extend.resourceGroup). Content that is not a JSON object is shown as it is.
export function formatContent(taskContent: string, taskParam: string): string {
  const content = parseJson(taskContent);
  if (!isObject(content)) return taskContent;
  const param = parseJson(taskParam);
  const group = isObject(param) && typeof param.ResourceGroup === 'string' ? param.ResourceGroup : null;
  const cu = isObject(param) && typeof param.Cu === 'number' ? param.Cu : null;
  if (group === null && cu === null) return taskContent;
  const extend = isObject(content.extend) ? content.extend : {};
  return JSON.stringify({ ...content, extend: { ...extend, ...(group !== null ? { resourceGroup: group } : {}), ...(cu !== null ? { cu } : {}) } });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
