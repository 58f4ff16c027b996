import { describe, expect, it } from 'vitest';
import { formatJournalLine, formatState, formatTaskLine, orderTaskRecord } from '../../../src/core/state/format-state.js';
import { appliedRecord } from '../../../src/core/plan/build-record.js';
import { desiredConfig } from '../../../src/core/plan/desired-config.js';
import { defineLazyJson, lazyJsonText } from '../../../src/core/text/define-lazy.js';
import { buildTask } from '../../support/build-task.js';
import { SALT } from '../../support/state-builders.js';
import { parseState } from '../../../src/core/state/parse-state.js';
import type { TaskRecord } from '../../../src/core/state/state-schema.js';
import { aFailedRecord, anAppliedRecord, aState } from '../../support/state-builders.js';

describe('formatState', () => {
  it('writes a header line, then one line per task sorted by key in code-unit order', () => {
    const text = formatState(aState({ '10000/9': anAppliedRecord(), '10000/10': aFailedRecord(), 'B/1': aFailedRecord() }));
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toMatchObject({ formatVersion: 2 });
    expect('tasks' in JSON.parse(lines[0]!)).toBe(false);
    expect(lines.slice(1, -1).map((line) => (JSON.parse(line) as { key: string }).key)).toEqual(['10000/10', '10000/9', 'B/1']);
  });

  it('reads back as the same state, and the same state gives the same bytes', () => {
    const state = aState({ '1/1': anAppliedRecord(), '1/2': aFailedRecord() }, 4);
    const text = formatState(state);
    expect(parseState(text, 'state.json')).toEqual(state);
    expect(formatState(parseState(text, 'state.json'))).toBe(text);
  });

  it('leaves out of an applied lastAttempt the time and request id that applied already says', () => {
    const line = JSON.parse(formatTaskLine('1/1', anAppliedRecord())) as { lastAttempt: Record<string, unknown> };
    expect(line.lastAttempt).toEqual({ outcome: 'applied', attempts: 1 });
  });

  it('keeps a lastAttempt whole when it is not the applied one', () => {
    const record = { ...anAppliedRecord(), lastAttempt: { at: '2026-12-01T00:00:00.000Z', outcome: 'skipped', attempts: 0, reason: 'r' } } as TaskRecord;
    const line = JSON.parse(formatTaskLine('1/1', record)) as { lastAttempt: Record<string, unknown> };
    expect(line.lastAttempt).toEqual({ at: '2026-12-01T00:00:00.000Z', outcome: 'skipped', attempts: 0, reason: 'r' });
  });
});

describe('orderTaskRecord', () => {
  it('puts known fields in the schema order, nested ones too, then unknown fields sorted by name', () => {
    const record = anAppliedRecord();
    const shuffled = { zeta: 1, lastAttempt: { requestId: 'req-1', attempts: 1, outcome: 'applied', at: record.lastAttempt!.at }, Alpha: 2, applied: record.applied, file: record.file } as unknown as TaskRecord;
    const ordered = orderTaskRecord(shuffled) as unknown as Record<string, unknown>;
    expect(Object.keys(ordered)).toEqual(['file', 'applied', 'lastAttempt', 'Alpha', 'zeta']);
    expect(Object.keys(ordered.lastAttempt as object)).toEqual(['at', 'outcome', 'attempts', 'requestId']);
  });

  it('keeps a field named __proto__ as a plain field', () => {
    const record = JSON.parse(`{"file":"jobs/a.yaml","applied":null,"__proto__":{"x":1}}`) as TaskRecord;
    const ordered = orderTaskRecord(record);
    expect(Object.keys(ordered)).toContain('__proto__');
    expect(JSON.stringify(ordered)).toContain('"__proto__":{"x":1}');
  });
});

describe('configs kept as JSON text', () => {
  const lazy = appliedRecord({ file: 'jobs/a.yaml', record: null, at: '2026-12-01T00:00:00.000Z', attempts: 1, desired: desiredConfig(buildTask(), SALT), commit: null, requestId: 'req-1' });
  const plain = JSON.parse(JSON.stringify(lazy)) as TaskRecord;

  it('are written as their text, the same bytes as the parsed configs give, and never parsed', () => {
    expect(lazyJsonText(lazy.applied!, 'taskContent')).toBeDefined();
    expect(formatTaskLine('1/1', lazy)).toBe(formatTaskLine('1/1', plain));
    expect(formatJournalLine('1/1', lazy)).toBe(JSON.stringify({ key: '1/1', record: orderTaskRecord(plain) }));
    expect(lazyJsonText(orderTaskRecord(lazy).applied!, 'taskParam')).toBeDefined(); // ordering kept it text
  });

  it('a file name that looks like the stand-in does not move the config', () => {
    const tricky = { ...lazy, file: 'jobs/"applied":0.yaml' } as TaskRecord;
    expect(JSON.parse(formatTaskLine('1/1', tricky))).toEqual(JSON.parse(formatTaskLine('1/1', { ...plain, file: tricky.file })));
  });
});


describe('formatTaskLine, what an applied lastAttempt leaves out', () => {
  it('keeps the time of a last attempt that is not the applied one, even with the same request id', () => {
    const record = anAppliedRecord();
    const later = { ...record, lastAttempt: { ...record.lastAttempt!, at: '2026-12-01T00:00:00.000Z' } };
    expect((JSON.parse(formatTaskLine('1/1', later)) as { lastAttempt: unknown }).lastAttempt).toEqual(later.lastAttempt);
  });

  it('keeps the request id of a last attempt that is not the applied one, even at the same time', () => {
    const record = anAppliedRecord();
    const other = { ...record, lastAttempt: { ...record.lastAttempt!, requestId: 'req-2' } };
    expect((JSON.parse(formatTaskLine('1/1', other)) as { lastAttempt: unknown }).lastAttempt).toEqual(other.lastAttempt);
  });

  it('keeps a failed last attempt whole, even at the time the config was applied', () => {
    const record = anAppliedRecord();
    const failed = { ...record, lastAttempt: { at: record.applied!.appliedAt, outcome: 'failed', attempts: 2, requestId: 'req-1', error: { code: 'E', message: 'm' } } } as TaskRecord;
    expect((JSON.parse(formatTaskLine('1/1', failed)) as { lastAttempt: unknown }).lastAttempt).toEqual(failed.lastAttempt);
  });

  it('writes a record without a last attempt, or without an applied config, as it is', () => {
    const none = { ...anAppliedRecord(), lastAttempt: null };
    expect(JSON.parse(formatTaskLine('1/1', none))).toEqual({ key: '1/1', ...none });
    const neverApplied = { ...anAppliedRecord(), applied: null };
    expect(JSON.parse(formatTaskLine('1/1', neverApplied))).toEqual({ key: '1/1', ...neverApplied });
  });

  it('starts the line with the task key, whatever fields the record holds', () => {
    const record = { ...anAppliedRecord(), key: 'a field of a newer dwsync' } as TaskRecord;
    expect(formatTaskLine('1/1', record)).toMatch(/^\{"key":"1\/1","file":/);
  });
});

describe('formatJournalLine', () => {
  it('writes a removed record as null', () => {
    expect(formatJournalLine('1/1', null)).toBe('{"key":"1/1","record":null}');
  });

  it('writes a record in the file order', () => {
    const record = anAppliedRecord();
    expect(formatJournalLine('1/1', record)).toBe(JSON.stringify({ key: '1/1', record: orderTaskRecord(record) }));
  });
});

describe('configs kept as JSON text, one of the two or oddly shaped', () => {
  function withLazy(fields: Record<string, string>): TaskRecord {
    const record = anAppliedRecord();
    const applied = { ...record.applied! } as Record<string, unknown>;
    for (const [field, text] of Object.entries(fields)) defineLazyJson(applied, field, text);
    return { ...record, applied } as unknown as TaskRecord;
  }
  const plainOf = (record: TaskRecord) => JSON.parse(JSON.stringify(record)) as TaskRecord;

  it('writes the text of the one config kept as text and serialises the other', () => {
    for (const record of [withLazy({ taskContent: '{"type":"job"}' }), withLazy({ taskParam: '{"ResourceGroup":"g"}' })]) {
      expect(formatTaskLine('1/1', record)).toBe(formatTaskLine('1/1', plainOf(record)));
    }
  });

  it('writes the text as it was recorded, spacing included, and the fields after the configs as they are', () => {
    const line = formatTaskLine('1/1', withLazy({ taskContent: '{ "type": "job" }', taskParam: '{"Cu": 2}' }));
    expect(line).toContain('"applied":{"taskContent":{ "type": "job" },"taskParam":{"Cu": 2},"taskContentHash":"sha256:c0ffee",');
    expect(line).toMatch(/^\{"key":"1\/1","file":"jobs\/ods\/u_pk\.yaml","applied":\{/);
    expect(JSON.parse(line)).toMatchObject({ lastAttempt: { outcome: 'applied' } });
  });

  it('writes an applied config without a taskParam (a damaged record) as plain JSON', () => {
    const record = anAppliedRecord();
    const { taskParam: _taskParam, ...rest } = record.applied!;
    const applied = { ...rest } as Record<string, unknown>;
    defineLazyJson(applied, 'taskContent', '{ "type": "job" }');
    const line = formatTaskLine('1/1', { ...record, applied } as unknown as TaskRecord);
    expect(JSON.parse(line)).toMatchObject({ applied: { taskContent: { type: 'job' }, appliedAt: record.applied!.appliedAt } });
    expect(line).toContain('"taskContent":{"type":"job"}');
  });
});

describe('orderTaskRecord, unknown fields', () => {
  it('puts unknown fields after every known one, not among them', () => {
    const record = { zeta: 1, deploy: null, file: 'jobs/a.yaml', applied: null, lastAttempt: null } as unknown as TaskRecord;
    expect(Object.keys(orderTaskRecord(record))).toEqual(['file', 'applied', 'lastAttempt', 'deploy', 'zeta']);
  });
});
