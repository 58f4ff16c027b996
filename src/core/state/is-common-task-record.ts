import { isJsonObject } from '../text/json.js';

// Whether a state line's record has the shape dwsync writes, checked by hand: then the TaskRecord
// schema (state-schema.ts) accepts it too, and reading the state need not run zod on it. Anything
// else (an error in a last attempt, a deploy record, a damaged line) answers false and is checked by
// the schema, which also says what is wrong. It must never answer true where the schema refuses: a
// property test holds the two together.
//
// Why not zod for every line: it allocates a few dozen short-lived objects per record, and V8, having
// seen a sample of them survive while a large state was read, sometimes allocates all the rest in its
// old generation, where they stay until a full collection (about 20 MB more at the peak of a plan of
// 10,000 tasks, in one run of three or four).
export function isCommonTaskRecord(record: Record<string, unknown>): boolean {
  const { file, fileId, nodeId, applied, lastAttempt, deploy } = record;
  return (
    typeof file === 'string' &&
    (fileId === undefined || isIntegerFrom(fileId, 1)) &&
    (nodeId === undefined || (typeof nodeId === 'string' && /^[1-9]\d*$/.test(nodeId))) &&
    (applied === null || isCommonApplied(applied)) &&
    (lastAttempt === null || isCommonAttempt(lastAttempt)) &&
    (deploy === undefined || deploy === null)
  );
}

function isCommonApplied(applied: unknown): boolean {
  if (!isJsonObject(applied)) return false;
  const { taskContent, taskParam, taskContentHash, taskParamHash, schedule, scheduleHash, appliedAt, commit, requestId } = applied;
  return (
    taskContent !== undefined &&
    taskParam !== undefined &&
    typeof taskContentHash === 'string' &&
    typeof taskParamHash === 'string' &&
    (schedule === undefined || isJsonObject(schedule)) &&
    (scheduleHash === undefined || typeof scheduleHash === 'string') &&
    typeof appliedAt === 'string' &&
    (commit === null || typeof commit === 'string') &&
    typeof requestId === 'string'
  );
}

function isCommonAttempt(attempt: unknown): boolean {
  if (!isJsonObject(attempt)) return false;
  const { at, outcome, attempts, requestId, reason, error } = attempt;
  return (
    typeof at === 'string' &&
    (outcome === 'applied' || outcome === 'failed' || outcome === 'skipped') &&
    isIntegerFrom(attempts, 0) &&
    (requestId === undefined || typeof requestId === 'string') &&
    (reason === undefined || typeof reason === 'string') &&
    error === undefined
  );
}

// A safe integer no less than `least`; Number.isSafeInteger answers false for anything not a number.
function isIntegerFrom(value: unknown, least: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= least;
}
