import type { Operation } from 'fast-json-patch';
import type { ApiVersion } from '../config/api-version.js';

// The JSON documents `plan --json` and `apply --json` print (docs/formats.md). Sorted by key.

// create: a named task the state does not know (found by name, or created, on apply);
// delete: with --prune, an orphan that dwsync created or applied.
export type PlanAction = 'create' | 'update' | 'unchanged' | 'orphaned' | 'delete';
export type UpdateReason = 'new' | 'changed' | 'retry';

export type PlanChange = {
  key: string;
  file: string;
  action: PlanAction;
  api: ApiVersion; // the API generation the task's workspace speaks: what apply goes through
  reason?: UpdateReason; // only for action "update"
  taskContentPatch: Operation[]; // from the last applied config to the desired one; values of secret keys redacted
  taskParamPatch: Operation[];
  schedulePatch?: Operation[]; // only for a task file with a schedule: from the last applied schedule to the desired one
  drift?: boolean; // with --refresh: the live config differs from the last applied one
  liveContentPatch?: Operation[]; // with --refresh and drift: from the last applied config to the live one
  liveParamPatch?: Operation[]; // likewise for what the service shows of TaskParam (the resource group)
  liveSchedulePatch?: Operation[]; // with --refresh and drift: from the last applied schedule to the live one, on its keys
  live?: 'missing'; // with --refresh: the task no longer exists in DataWorks
  undeployed?: boolean; // deploy: the last update was not (fully) deployed
};

// `delete` is counted only with --prune.
export type PlanSummary = { create: number; update: number; unchanged: number; orphaned: number; delete?: number };

export type PlanReport = {
  formatVersion: 1;
  summary: PlanSummary;
  changes: PlanChange[];
};

export type ApplyOutcome = 'created' | 'applied' | 'deleted' | 'failed' | 'unchanged' | 'skipped';

export type ResultError = { code: string; message: string; requestId?: string; status?: number };

export type ApplyResult = {
  key: string;
  file: string;
  outcome: ApplyOutcome;
  requestId?: string;
  attempts: number;
  error?: ResultError;
  reason?: string; // for "skipped": "drift", "interrupted", or the quota error code
  fileId?: number; // for a named task: the file it was created as or found to be
  nodeId?: string; // likewise on a 2024-05-18 workspace: the node
};

export type ApplyReport = {
  formatVersion: 1;
  summary: { created: number; applied: number; deleted: number; failed: number; unchanged: number; skipped: number };
  results: ApplyResult[];
};

// How far an apply (or an import) has got; the CLI draws it as a progress line.
export type ApplyProgress = { done: number; total: number; failed: number };
