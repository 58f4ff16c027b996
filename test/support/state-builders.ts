import { createState, type State, type TaskRecord } from '../../src/core/state/state-schema.js';

export const LINEAGE = '6f1c2a0e-8a51-4d1b-9a43-3f0d2c1b7e55';
export const SALT = 'ab'.repeat(32);

export function aState(tasks: Record<string, TaskRecord> = {}, serial = 0): State {
  return { ...createState({ lineage: LINEAGE, salt: SALT }), serial, tasks };
}

export function anAppliedRecord(file = 'jobs/ods/u_pk.yaml', requestId = 'req-1'): TaskRecord {
  return {
    file,
    applied: {
      taskContent: { type: 'job', version: '2.0', steps: [{ stepType: 'mysql', name: 'Reader' }] },
      taskParam: { ResourceGroup: 'S_res_group_x', Cu: 2 },
      taskContentHash: 'sha256:c0ffee',
      taskParamHash: 'sha256:beef',
      appliedAt: '2026-11-29T09:00:00.000Z',
      commit: '0123456789abcdef0123456789abcdef01234567',
      requestId,
    },
    lastAttempt: { at: '2026-11-29T09:00:00.000Z', outcome: 'applied', attempts: 1, requestId },
  };
}

export function aFailedRecord(file = 'jobs/ods/orders.yaml'): TaskRecord {
  return {
    file,
    applied: null,
    lastAttempt: {
      at: '2026-11-29T09:00:01.000Z',
      outcome: 'failed',
      attempts: 1,
      error: { code: 'Invalid.DI.Parameter', message: 'ResourceGroup:[S_res_group_XXX] is invalid.', status: 400 },
    },
  };
}

// Journal text made with JSON.stringify alone, not with the code under test. Format 2 by default: a
// record's line is a state line (its key, then its fields), a removal names the key.
export function journalHeader(lineage = LINEAGE, baseSerial = 0, journal = 2): string {
  return `${JSON.stringify({ journal, lineage, baseSerial })}\n`;
}

export function journalLine(key: string, record: TaskRecord): string {
  return `${JSON.stringify({ key, ...record })}\n`;
}

export function journalRemoval(key: string): string {
  return `${JSON.stringify({ remove: key })}\n`;
}

// A line of format 1, which earlier versions wrote: the record (or null for a removal) under `record`.
export function firstFormatJournalLine(key: string, record: TaskRecord | null): string {
  return `${JSON.stringify({ key, record })}\n`;
}

// A format 2 state file read line by line with JSON.parse alone, not with the code under test.
export function stateLines(text: string): { header: Record<string, unknown>; records: Record<string, Record<string, unknown>>; keys: string[] } {
  const [head, ...rest] = text.split('\n').filter((line) => line !== '');
  const records: Record<string, Record<string, unknown>> = {};
  const keys: string[] = [];
  for (const line of rest) {
    const { key, ...record } = JSON.parse(line) as { key: string };
    keys.push(key);
    records[key] = record;
  }
  return { header: JSON.parse(head!) as Record<string, unknown>, records, keys };
}
