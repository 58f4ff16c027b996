import type { ApiVersion } from '../ports.js';
import { fileCalls } from './file-calls.js';
import { nodeCalls } from './node-calls.js';
import type { TaskCalls } from './task-calls.js';

// The calls of a task's API generation.
export function callsFor(api: ApiVersion): TaskCalls {
  return api === '2024-05-18' ? nodeCalls : fileCalls;
}
