import { z } from 'zod';
import type { JsonValue as Json } from '../text/json.js';

// The state file (docs/state-file.md). Schemas and types share names.
//
// Format 2 (written): a header line, then one line per task (format-state.ts). Format 1 (one JSON
// document) is still read; the in-memory state keeps the version it was read in, so the first write
// knows to keep a backup of the old file (write-state.ts), and writes format 2.
//
// Forward compatibility within a format version: the schemas validate, but readState keeps the parsed
// JSON itself, not zod's output, so fields a newer dwsync added survive an older dwsync's rewrite
// (formatState writes them after the known ones). That only works because these schemas have no
// transforms or defaults: zod's output would equal its input minus the unknown keys. Keep it so.
// The types stay closed (no index signature), so a typo in a record built by our own code still fails
// to compile.

export const STATE_FORMAT_VERSION = 2;
export const LEGACY_STATE_FORMAT_VERSION = 1;

// Task keys are "projectId/fileId" (or "projectId/nodeId" on a 2024-05-18 workspace), or
// "projectId/folder/name" for a task given by name and folder.
const TASK_KEY = /^[1-9]\d*\/([1-9]\d*|[^/\n]+(\/[^/\n]+)+)$/;
export const TaskKey = z.string().regex(TASK_KEY, 'expected a key "projectId/fileId" or "projectId/folder/name"');
// The same test without zod's result object: an apply checks the key of every outcome it records.
export function isTaskKey(key: string): boolean {
  return TASK_KEY.test(key);
}

// Any defined value: it comes from JSON.parse, so it is JSON already; walking it again would cost
// time on large states for nothing.
export const JsonValue = z.custom<Json>((value) => value !== undefined, 'expected a JSON value');

export const AttemptError = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  status: z.number().int().optional(),
});
export type AttemptError = z.infer<typeof AttemptError>;

export const AppliedConfig = z.object({
  taskContent: JsonValue, // already redacted by the caller: secret values are keyed hashes
  taskParam: JsonValue,
  taskContentHash: z.string(),
  taskParamHash: z.string(),
  // The last schedule DataWorks accepted (UpdateFile), kept apart from the content: a task whose content
  // was applied but whose schedule failed keeps the new content and the old schedule.
  schedule: z.record(z.string(), JsonValue).optional(),
  scheduleHash: z.string().optional(),
  appliedAt: z.string(), // ISO 8601
  commit: z.string().nullable(),
  requestId: z.string(),
});
export type AppliedConfig = z.infer<typeof AppliedConfig>;

export const AttemptOutcome = z.enum(['applied', 'failed', 'skipped']);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const LastAttempt = z.object({
  at: z.string(),
  outcome: AttemptOutcome,
  attempts: z.number().int().nonnegative(),
  requestId: z.string().optional(),
  reason: z.string().optional(),
  error: AttemptError.optional(),
});
export type LastAttempt = z.infer<typeof LastAttempt>;

export const DeployStage = z.enum(['submitting', 'submitted', 'deploying', 'deployed', 'failed', 'not-needed']);
export type DeployStage = z.infer<typeof DeployStage>;

export const DeployRecord = z.object({
  stage: DeployStage,
  submitDeploymentId: z.number().int().optional(),
  deployDeploymentId: z.number().int().optional(),
  pipelineRunId: z.string().optional(), // 2024-05-18: the deploy process (CreatePipelineRun) being followed
  at: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type DeployRecord = z.infer<typeof DeployRecord>;

export const TaskRecord = z.object({
  file: z.string(),
  fileId: z.number().int().positive().optional(), // a named task's file, learned when found or created
  nodeId: z.string().regex(/^[1-9]\d*$/).optional(), // likewise a named task's node, on a 2024-05-18 workspace
  applied: AppliedConfig.nullable(),
  lastAttempt: LastAttempt.nullable(),
  deploy: DeployRecord.nullable().optional(),
});
export type TaskRecord = z.infer<typeof TaskRecord>;

export const State = z.object({
  formatVersion: z.union([z.literal(STATE_FORMAT_VERSION), z.literal(LEGACY_STATE_FORMAT_VERSION)]),
  serial: z.number().int().nonnegative(),
  lineage: z.string().min(1),
  salt: z.string().regex(/^[0-9a-f]+$/, 'expected lowercase hex'),
  tasks: z.record(TaskKey, TaskRecord),
});
export type State = z.infer<typeof State>;

// The header line of format 2: the state without its tasks.
export const StateHeader = State.omit({ tasks: true }).extend({ formatVersion: z.literal(STATE_FORMAT_VERSION) });
export type StateHeader = z.infer<typeof StateHeader>;

export type StateIdentity = { lineage: string; salt: string };

export function createState(identity: StateIdentity): State {
  return { formatVersion: STATE_FORMAT_VERSION, serial: 0, lineage: identity.lineage, salt: identity.salt, tasks: {} };
}
