import type { ApiVersion } from '../ports.js';
import { fileCalls } from './file-calls.js';
import { nodeCalls } from './node-calls.js';
import type { TaskCalls } from './task-calls.js';
import { explainingWrongApi } from './wrong-api.js';

const FILES = explainingWrongApi(fileCalls);
const NODES = explainingWrongApi(nodeCalls);

// The calls of a task's API generation; an answer saying the workspace speaks the other one names
// the dwsync.yaml setting to change.
export function callsFor(api: ApiVersion): TaskCalls {
  return api === '2024-05-18' ? NODES : FILES;
}
