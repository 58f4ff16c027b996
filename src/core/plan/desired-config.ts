import { hashCanonicalText } from '../text/canonical-json.js';
import { defineLazyJson } from '../text/define-lazy.js';
import { flatText } from '../text/flat-text.js';
import type { JsonObject, JsonValue } from '../text/json.js';
import { canonicalJsonWithHashedSecrets } from '../task/secret-keys.js';
import type { Task } from '../task/task.js';
import { toScheduleConfig } from '../schedule/schedule-config.js';

// A task's config in the form the state keeps: secret values replaced by keyed hashes, plus hashes
// of the canonical form. What is compared, stored and diffed; never what is sent.
// The configs are kept as their canonical JSON text (keys sorted at every depth), which hashing has to
// compute anyway, and parsed when read (define-lazy.ts): a plan of many new tasks then holds text, not
// parsed configs, and recording an applied config writes that text as it is (format-state.ts).
export type DesiredConfig = {
  taskContent: JsonValue;
  taskParam: JsonValue;
  taskContentHash: string;
  taskParamHash: string;
  schedule?: JsonObject; // only when the task file has a schedule: its keys, nothing else
  scheduleHash?: string;
};

export function desiredConfig(task: Task, salt: string): DesiredConfig {
  // Flat (flat-text.ts): a new task's desired config is kept for the whole run.
  const contentText = flatText(canonicalJsonWithHashedSecrets(task.taskContent, salt));
  const paramText = flatText(canonicalJsonWithHashedSecrets(task.taskParam, salt));
  const desired = {
    taskContentHash: hashCanonicalText(contentText),
    taskParamHash: hashCanonicalText(paramText),
    ...(task.schedule ? toScheduleConfig(task.schedule) : {}),
  } as DesiredConfig;
  defineLazyJson(desired, 'taskContent', contentText);
  defineLazyJson(desired, 'taskParam', paramText);
  return desired;
}

// What is sent: the author's key order, secrets included, scheduling parameters untouched.
export function requestStrings(task: Task): { taskContent: string; taskParam: string } {
  return { taskContent: JSON.stringify(task.taskContent), taskParam: JSON.stringify(task.taskParam) };
}
