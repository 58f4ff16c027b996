import { readFile } from 'node:fs/promises';
import type { State } from '../../src/core/state/state-schema.js';

// Reads a state file the way a script or a reviewer would, from its documented layout
// (docs/state-format.md), with JSON.parse alone and not with dwsync's own parser: format 2 is a
// header line, then one `{"key":…, …record}` line per task; an applied last attempt leaves out the
// time and request id that `applied` already gives. A one-document (format 1) file is parsed whole.
export function parseStateText(text: string): State {
  const whole = _tryParse(text) as Record<string, unknown> | undefined;
  if (whole !== undefined && 'tasks' in whole) return whole as unknown as State;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const first = JSON.parse(lines[0]!) as Record<string, unknown>;
  const tasks: Record<string, Record<string, unknown>> = {};
  for (const line of lines.slice(1)) {
    const { key, ...record } = JSON.parse(line) as { key: string } & Record<string, unknown>;
    const applied = record.applied as { appliedAt: string; requestId: string } | null;
    const last = record.lastAttempt as Record<string, unknown> | null;
    if (applied && last?.outcome === 'applied' && !('at' in last)) record.lastAttempt = { at: applied.appliedAt, ...last, requestId: applied.requestId };
    tasks[key] = record;
  }
  return { ...first, tasks } as unknown as State;
}

export async function readStateFile(path: string): Promise<State> {
  return parseStateText(await readFile(path, 'utf8'));
}

function _tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
