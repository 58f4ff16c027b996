import { describeValue, formatPath, type PathSegment } from '../text/format-path.js';
import type { Issue } from './validate-schema.js';

export const MAX_DEPTH = 64;

type Item = { value: unknown; key: PathSegment | null; parent: Item | null; depth: number };

// taskContent and taskParam are sent as JSON, so every value in them must survive
// JSON.stringify unchanged: YAML's .inf/.nan would silently become null. The walk is iterative
// and bounded in depth, so a hostile document cannot overflow the stack here or later on.
// Paths are rebuilt from parent links only for a problem, so valid content costs one visit per value.
export function validateJsonValue(value: unknown, root: PathSegment[]): Issue[] {
  const issues: Issue[] = [];
  if (value === undefined) return issues; // missing: the schema says so
  const stack: Item[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0 && issues.length < 20) {
    const item = stack.pop()!;
    const v = item.value;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push(issueAt(item, root, (p) => `${p} must be a finite number, got ${describeValue(v)}`));
      continue;
    }
    if (item.depth >= MAX_DEPTH) {
      issues.push(issueAt(item, root, () => `${formatPath(root)} is nested too deeply: expected at most ${MAX_DEPTH} levels`));
      continue;
    }
    const depth = item.depth + 1;
    if (Array.isArray(v)) {
      // Stryker disable next-line ConditionalExpression: stacking a plain value too changes no result (isPlainJson)
      for (let i = v.length - 1; i >= 0; i--) if (!isPlainJson(v[i])) stack.push({ value: v[i], key: i, parent: item, depth });
      continue;
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = (v as Record<string, unknown>)[key];
        // Stryker disable next-line ConditionalExpression: stacking a plain value too changes no result (isPlainJson)
        if (!isPlainJson(child)) stack.push({ value: child, key, parent: item, depth });
      }
      continue;
    }
    issues.push(issueAt(item, root, (p) => `${p} must be a JSON value, got ${describeValue(v)}`));
  }
  return issues;
}

// A value with nothing to check: most values of a config are. Not stacked, so a valid config costs
// an item per container rather than one per value. Only a shortcut: a value it does not let through
// is stacked and checked the same way when popped, so answering false more often changes no result.
// Stryker disable all: the mutants that answer false more often are equivalent (above); those that
// answer true more often let a non-finite number through, and the tests killed every one of them.
function isPlainJson(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
// Stryker restore all

function issueAt(item: Item, root: PathSegment[], message: (path: string) => string): Issue {
  const tail: PathSegment[] = [];
  for (let at: Item | null = item; at && at.key !== null; at = at.parent) tail.unshift(at.key);
  const path = [...root, ...tail];
  return { path, message: message(formatPath(path)) };
}
