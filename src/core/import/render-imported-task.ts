import { hashCanonical } from '../text/canonical-json.js';
import { formatPath, type PathSegment } from '../text/format-path.js';
import type { JsonValue } from '../text/json.js';
import { isJsonObject } from '../text/json.js';
import { parseTaskFile } from '../task/parse-task-file.js';
import { formatProblem } from '../problem.js';
import type { ResultError } from '../plan/report.js';
import { isSecretKey } from '../task/secret-keys.js';
import type { Task } from '../task/task.js';
import type { ImportedDocument } from './parse-live-file.js';
import { renderTaskYaml, type RenderOptions } from './render-task-yaml.js';

export type RenderedTask = { ok: true; text: string; task: Task; warnings: string[] } | { ok: false; text: string | null; error: ResultError };

// Renders a task file and loads it back with the normal parser, so that what import records is what a
// plan will compute from the file. A file that does not load back to the same values, or does not
// validate, is reported with the parser's own messages. Pure.
export function renderImportedTask(document: ImportedDocument, file: string, options: RenderOptions): RenderedTask {
  const text = renderTaskYaml(document, options);
  const parsed = parseTaskFile(text, file);
  const task = parsed.tasks[0];
  if (task === undefined) { // a document with any problem gives no task
    const shown = parsed.problems.slice(0, 5).map(formatProblem);
    const more = parsed.problems.length > 5 ? ` (and ${parsed.problems.length - 5} more)` : '';
    // Kept: the user fixes the file, which is easier than rebuilding it from the console.
    return { ok: false, text, error: { code: 'InvalidTask', message: `the task as DataWorks holds it does not validate: ${shown.join('; ')}${more}` } };
  }
  const same = hashCanonical(task.taskContent) === hashCanonical(document.taskContent) && hashCanonical(task.taskParam) === hashCanonical(document.taskParam);
  if (!same) {
    return { ok: false, text: null, error: { code: 'RenderMismatch', message: 'the rendered task file does not load back to the content DataWorks returned (a dwsync bug; please report it)' } };
  }
  return { ok: true, text, task, warnings: findSecrets(task.taskContent).map((at) => secretWarning(at, file)) };
}

function secretWarning(at: string, file: string): string {
  return `taskContent.${at} holds a secret, written to ${file} as DataWorks returned it: move it into a data source before committing`;
}

// Paths of non-empty values under secret-looking keys ("steps[0].parameter.password").
export function findSecrets(value: JsonValue, at: PathSegment[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecrets(item, [...at, i]));
  if (!isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (isSecretKey(key)) return item === '' || item === null ? [] : [formatPath([...at, key])];
    return findSecrets(item, [...at, key]);
  });
}
