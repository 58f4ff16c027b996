import { isJsonObject } from '../text/json.js';
import { formatPath } from '../text/format-path.js';
import type { Issue } from './validate-schema.js';

// The checks on the job JSON that a schema cannot express: a reader and a writer, unique step
// names, hops between existing steps. Shapes are the schema's business: anything malformed is
// skipped here, so one mistake is reported once.
export function validateTaskContent(content: unknown): Issue[] {
  if (!isJsonObject(content) || !Array.isArray(content.steps)) return [];
  const steps = content.steps;
  const issues: Issue[] = [];
  const stepsPath = ['taskContent', 'steps'];

  // A misspelt category is reported at its step (the schema); "no reader" on top would be its echo.
  const misspelt = steps.some((s) => isJsonObject(s) && s.category !== 'reader' && s.category !== 'writer');
  for (const category of ['reader', 'writer'] as const) {
    if (!misspelt && !steps.some((s) => isJsonObject(s) && s.category === category)) {
      issues.push({
        path: stepsPath,
        message: `taskContent.steps must include a ${category} step (category: ${category}), found none`,
      });
    }
  }

  const firstIndexByName = new Map<string, number>();
  steps.forEach((step, index) => {
    if (!isJsonObject(step) || typeof step.name !== 'string') return;
    const first = firstIndexByName.get(step.name);
    if (first === undefined) {
      firstIndexByName.set(step.name, index);
      return;
    }
    const path = [...stepsPath, index, 'name'];
    issues.push({
      path,
      message: `${formatPath(path)} must be unique, got ${JSON.stringify(step.name)} (also the name of taskContent.steps[${first}])`,
    });
  });

  const order = content.order;
  if (!isJsonObject(order) || !Array.isArray(order.hops)) return issues;
  const names = [...firstIndexByName.keys()];
  order.hops.forEach((hop, index) => {
    if (!isJsonObject(hop)) return;
    for (const end of ['from', 'to'] as const) {
      const name = hop[end];
      if (typeof name !== 'string' || name === '' || firstIndexByName.has(name)) continue;
      const path = ['taskContent', 'order', 'hops', index, end];
      issues.push({
        path,
        message: `${formatPath(path)} must name a step (${names.join(', ') || 'none defined'}), got ${JSON.stringify(name)}`,
      });
    }
  });
  return issues;
}
