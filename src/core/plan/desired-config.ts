import { hashCanonical } from '../text/canonical-json.js';
import type { JsonValue } from '../text/json.js';
import { hashSecrets } from '../task/secret-keys.js';
import type { Task } from '../task/task.js';
import { toScheduleConfig } from '../schedule/schedule-config.js';
import type { JsonObject } from '../text/json.js';

// A task's config in the form the state keeps: secret values replaced by keyed hashes, plus hashes
// of the canonical form. What is compared, stored and diffed; never what is sent.
export type DesiredConfig = {
  taskContent: JsonValue;
  taskParam: JsonValue;
  taskContentHash: string;
  taskParamHash: string;
  schedule?: JsonObject; // only when the task file has a schedule: its keys, nothing else
  scheduleHash?: string;
};

export function desiredConfig(task: Task, salt: string): DesiredConfig {
  const taskContent = hashSecrets(task.taskContent, salt);
  const taskParam = hashSecrets(task.taskParam, salt);
  return {
    taskContent,
    taskParam,
    taskContentHash: hashCanonical(taskContent),
    taskParamHash: hashCanonical(taskParam),
    ...(task.schedule ? toScheduleConfig(task.schedule) : {}),
  };
}

// What is sent: the author's key order, secrets included, scheduling parameters untouched.
export function requestStrings(task: Task): { taskContent: string; taskParam: string } {
  return { taskContent: JSON.stringify(task.taskContent), taskParam: JSON.stringify(task.taskParam) };
}
