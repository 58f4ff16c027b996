import { isJsonObject } from '../text/json.js';
import { formatPath } from '../text/format-path.js';
import { suggestKey } from '../text/suggest-key.js';
import { STEP_CATEGORIES, stepId } from './step-categories.js';
import type { Issue } from './validate-schema.js';

// The checks on the job JSON that a schema cannot express: a reader and a writer, every step named
// (by name, or displayName for a transformer step), names unique, hops between existing steps. Shapes
// are the schema's business: anything malformed is skipped here, so one mistake is reported once.
export function validateTaskContent(content: unknown): Issue[] {
  if (!isJsonObject(content) || !Array.isArray(content.steps)) return [];
  const steps = content.steps;
  const issues: Issue[] = [];
  const stepsPath = ['taskContent', 'steps'];

  // A misspelt category is reported at its step (the schema); "no reader" on top would be its echo.
  const known: readonly unknown[] = STEP_CATEGORIES;
  const misspelt = steps.some((s) => isJsonObject(s) && !known.includes(s.category));
  for (const category of ['reader', 'writer'] as const) {
    if (!misspelt && !steps.some((s) => isJsonObject(s) && s.category === category)) {
      issues.push({
        path: stepsPath,
        message: `taskContent.steps must include a ${category} step (category: ${category}), found none`,
      });
    }
  }

  const firstIndexById = new Map<string, number>();
  steps.forEach((step, index) => {
    if (!isJsonObject(step)) return;
    const id = stepId(step);
    if (id === null) {
      // A name of the wrong type is the schema's to report; only a step with neither is reported here.
      if (step.name === undefined && step.displayName === undefined) {
        const path = [...stepsPath, index, 'name'];
        issues.push({ path, message: `${formatPath(path)} is missing: expected a non-empty string (or a displayName, which names a transformer step)` });
      }
      return;
    }
    const first = firstIndexById.get(id);
    if (first === undefined) {
      firstIndexById.set(id, index);
      return;
    }
    const path = [...stepsPath, index, step.name === id ? 'name' : 'displayName'];
    issues.push({
      path,
      message: `${formatPath(path)} must be unique, got ${JSON.stringify(id)} (also the name of taskContent.steps[${first}])`,
    });
  });

  const order = content.order;
  if (!isJsonObject(order) || !Array.isArray(order.hops)) return issues;
  const ids = [...firstIndexById.keys()];
  order.hops.forEach((hop, index) => {
    if (!isJsonObject(hop)) return;
    for (const end of ['from', 'to'] as const) {
      const id = hop[end];
      if (typeof id !== 'string' || id === '' || firstIndexById.has(id)) continue;
      const path = ['taskContent', 'order', 'hops', index, end];
      const suggestion = suggestKey(id, ids);
      issues.push({
        path,
        message: `${formatPath(path)} must name a step (${ids.join(', ') || 'none defined'}), got ${JSON.stringify(id)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      });
    }
  });
  return issues;
}
