import type { z } from 'zod';
import { UserInputError } from '../errors.js';
import { isJsonObject } from '../core/json.js';
import { locateJsonError } from './locate-json-error.js';
import { STATE_FORMAT_VERSION, StateFile } from './state-schema.js';

// Text of a state file → the state, or a refusal that names the file and says what to do.
// Refusing is the point: an unreadable state must never be replaced by an empty one.

const KEEP = 'dwsync has not changed it';

export function parseState(text: string, path: string): StateFile {
  const raw = parseJsonText(text, `state file ${path}`, `restore it from version control (git) or repair it by hand; ${KEEP}`);
  if (isJsonObject(raw) && typeof raw.formatVersion === 'number' && raw.formatVersion > STATE_FORMAT_VERSION) {
    throw new UserInputError(
      `state file ${path} has formatVersion ${raw.formatVersion}: it was written by a newer dwsync ` +
        `(this one reads formatVersion ${STATE_FORMAT_VERSION}); upgrade dwsync`,
    );
  }
  const result = StateFile.safeParse(raw);
  if (!result.success) {
    throw new UserInputError(
      `state file ${path} does not match the state format: ${formatIssues(result.error.issues)}; ` +
        `repair it by hand or restore it from version control (git); ${KEEP}`,
    );
  }
  // The parsed JSON itself, not zod's copy: unknown fields from a newer dwsync are kept (see state-schema.ts).
  return raw as StateFile;
}

// JSON.parse with a refusal that says where the text went wrong, or that it ends too early.
export function parseJsonText(text: string, what: string, advice: string): unknown {
  if (text.trim() === '') throw new UserInputError(`${what} is empty (truncated); ${advice}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    const where = `line ${at.line}, column ${at.column}`;
    const detail = error instanceof Error ? error.message : String(error);
    if (at.truncated) {
      throw new UserInputError(`${what} is truncated: its JSON ends early at ${where}; ${advice}`, { cause: error });
    }
    throw new UserInputError(`${what} is not valid JSON at ${where} (${detail}); ${advice}`, { cause: error });
  }
}

// At most a few issues, each as `path: message`, so a badly damaged file still gives a readable line.
export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  if (issues.length > limit) shown.push(`and ${issues.length - limit} more`);
  return shown.join('; ');
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === '' ? '(top level)' : out;
}
