import type { z } from 'zod';
import { describeValue, formatPath, type PathSegment } from '../text/format-path.js';
import { suggestKey } from '../text/suggest-key.js';

// A problem before it has a place in a file: a path in the document and a message. `at: "key"`
// points at the key itself (an unknown key) rather than at its value.
export type Issue = { path: PathSegment[]; message: string; at?: 'key' | 'value' };

// Checks a value against a zod schema and says, for each issue, what was expected and what was
// found. The schema's `error` texts are written as expectations ("a positive integer").
// `allowedKeys` names the keys of the closed mappings, by formatted path ('' for the top level, as a
// plain list when only the top level is closed), so an unknown key gets the nearest valid spelling.
export function validateSchema(
  schema: z.ZodType,
  data: unknown,
  allowedKeys: readonly string[] | Readonly<Record<string, readonly string[]>>,
): Issue[] {
  const closed: Readonly<Record<string, readonly string[]>> = Array.isArray(allowedKeys) ? { '': allowedKeys } : (allowedKeys as Record<string, readonly string[]>);
  const result = schema.safeParse(data);
  if (result.success) return [];
  const issues: Issue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push(describeUnknownKey(path, key, closed[formatPath(path)] ?? []));
      continue;
    }
    const value = valueAt(data, path);
    const expected = expectationOf(issue);
    const where = formatPath(path) || 'the document';
    issues.push({
      path,
      message:
        value === undefined
          ? `${where} is missing: expected ${expected}`
          : `${where} must be ${expected}, got ${describeValue(value)}${suggestValue(issue, value)}`,
    });
  }
  return issues;
}

function describeUnknownKey(parent: PathSegment[], key: string, allowed: readonly string[]): Issue {
  const suggestion = suggestKey(key, allowed);
  const inside = parent.length ? ` in ${formatPath(parent)}` : '';
  const hint = suggestion
    ? ` (did you mean "${suggestion}"?)`
    : allowed.length
      ? `; allowed keys: ${allowed.join(', ')}`
      : '';
  return { path: [...parent, key], at: 'key', message: `unknown key ${JSON.stringify(key)}${inside}${hint}` };
}

// A closed set of words (a step's category, taskType): name the one a typo most likely meant.
function suggestValue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code !== 'invalid_value' || typeof value !== 'string' || !/[a-z]/i.test(value)) return '';
  const words = issue.values.filter((v): v is string => typeof v === 'string');
  const suggestion = suggestKey(value, words);
  return suggestion && suggestion !== value ? ` (did you mean "${suggestion}"?)` : '';
}

function expectationOf(issue: z.core.$ZodIssue): string {
  // zod's own defaults start with "Invalid"/"Too"; our schema texts never do.
  if (!/^(Invalid|Too|Expected|Unrecognized)/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `of type ${issue.expected}`;
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}
