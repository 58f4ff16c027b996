import type { ResultError } from '../plan/report.js';

// The JSON document `dwsync import --json` prints, sorted by key.

export type ImportOutcome = 'written' | 'exists' | 'failed';

export type ImportResult = {
  key: string;
  file: string | null; // repository-relative; null when no file could be named (e.g. the task does not exist)
  outcome: ImportOutcome;
  requestId?: string; // of the GetFile the file was written from
  attempts: number; // GetFile attempts
  error?: ResultError; // for "failed"
  warnings?: string[]; // e.g. a secret value written into the file as DataWorks returned it
};

// The plan run after writing: every written task must come out "unchanged".
export type ImportCheck = {
  ok: boolean;
  checked: number; // written tasks the plan looked at
  unchanged: number;
  mismatches: Array<{ key: string; file: string; action: string; reason?: string }>;
  problems: string[]; // formatted validation problems, when the plan could not run
};

export type ImportReport = {
  formatVersion: 1;
  summary: { written: number; exists: number; failed: number };
  results: ImportResult[];
  check: ImportCheck;
};
