import type { Operation } from 'fast-json-patch';

// The JSON documents `plan --json` and `apply --json` print (docs/formats.md). Sorted by key.

export type PlanAction = 'update' | 'unchanged' | 'orphaned';
export type UpdateReason = 'new' | 'changed' | 'retry';

export type PlanChange = {
  key: string;
  file: string;
  action: PlanAction;
  reason?: UpdateReason; // only for action "update"
  taskContentPatch: Operation[]; // from the last applied config to the desired one; values of secret keys redacted
  taskParamPatch: Operation[];
  drift?: boolean; // with --refresh: the live config differs from the last applied one
  liveContentPatch?: Operation[]; // with --refresh and drift: from the last applied config to the live one
  liveParamPatch?: Operation[]; // likewise for what the service shows of TaskParam (the resource group)
  live?: 'missing'; // with --refresh: the task no longer exists in DataWorks
  undeployed?: boolean; // deploy: the last update was not (fully) deployed
};

export type PlanReport = {
  formatVersion: 1;
  summary: { update: number; unchanged: number; orphaned: number };
  changes: PlanChange[];
};

export type ApplyOutcome = 'applied' | 'failed' | 'unchanged' | 'skipped';

export type ResultError = { code: string; message: string; requestId?: string; status?: number };

export type ApplyResult = {
  key: string;
  file: string;
  outcome: ApplyOutcome;
  requestId?: string;
  attempts: number;
  error?: ResultError;
  reason?: string; // for "skipped": "drift", "interrupted", or the quota error code
};

export type ApplyReport = {
  formatVersion: 1;
  summary: { applied: number; failed: number; unchanged: number; skipped: number };
  results: ApplyResult[];
};
