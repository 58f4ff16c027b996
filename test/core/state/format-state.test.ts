import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRemovalLine, formatState, formatTaskLine } from '../../../src/core/state/format-state.js';
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

  it('writes the header fields in their order, then the fields a newer dwsync added, sorted by name', () => {
    const state = { zeta: 1, ...aState({}, 3), alpha: 'x' } as ReturnType<typeof aState>;
    const header = formatState(state).split('\n')[0]!;
    expect(Object.keys(JSON.parse(header) as object)).toEqual(['formatVersion', 'serial', 'lineage', 'salt', 'alpha', 'zeta']);
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

// The record a state line (and a journal line) carries, read back with JSON.parse alone (which keeps
// the written order), its key left out.
function lineRecord(record: TaskRecord): Record<string, unknown> {
  const { key: _key, ...rest } = JSON.parse(formatTaskLine('1/1', record)) as Record<string, unknown>;
  return rest;
}

describe('the order of a record\'s fields', () => {
  it('puts known fields in the schema order, nested ones too, then unknown fields sorted by name', () => {
    const record = anAppliedRecord();
    // A request id of its own: the last attempt is not the applied one and is written whole.
    const shuffled = { zeta: 1, lastAttempt: { requestId: 'req-2', attempts: 1, outcome: 'applied', at: record.lastAttempt!.at }, Alpha: 2, applied: record.applied, file: record.file } as unknown as TaskRecord;
    const ordered = lineRecord(shuffled);
    expect(Object.keys(ordered)).toEqual(['file', 'applied', 'lastAttempt', 'Alpha', 'zeta']);
    expect(Object.keys(ordered.lastAttempt as object)).toEqual(['at', 'outcome', 'attempts', 'requestId']);
    const line = JSON.parse(formatTaskLine('1/1', shuffled)) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['key', 'file', 'applied', 'lastAttempt', 'Alpha', 'zeta']);
  });

  it('orders a deploy record and a failed attempt\'s error, and keeps an unknown field inside them last', () => {
    const record = {
      deploy: { error: { message: 'm', code: 'c' }, at: 't', stage: 'failed', extra: true },
      lastAttempt: { error: { status: 400, message: 'm', code: 'c', later: 1 }, attempts: 1, outcome: 'failed', at: 't' },
      applied: null,
      fileId: 7,
      file: 'jobs/a.yaml',
    } as unknown as TaskRecord;
    const ordered = lineRecord(record) as { deploy: object; lastAttempt: { error: object } };
    expect(Object.keys(ordered)).toEqual(['file', 'fileId', 'applied', 'lastAttempt', 'deploy']);
    expect(Object.keys(ordered.deploy)).toEqual(['stage', 'at', 'error', 'extra']);
    expect(Object.keys(ordered.lastAttempt)).toEqual(['at', 'outcome', 'attempts', 'error']);
    expect(Object.keys(ordered.lastAttempt.error)).toEqual(['code', 'message', 'status', 'later']);
  });

  it('keeps every value: the line reads back as the record, whatever its field order', () => {
    fc.assert(
      fc.property(anyRecord, fc.boolean(), (record, lazy) => {
        const plain = JSON.parse(JSON.stringify(record)) as TaskRecord;
        const given = lazy && plain.applied ? withLazyConfigs(plain) : plain;
        const { key } = JSON.parse(formatTaskLine('1/1', given)) as Record<string, unknown>;
        expect(key).toBe('1/1');
        expect(parseState(`${formatState(aState())}${formatTaskLine('1/1', given)}\n`, 'state.json').tasks['1/1']).toEqual(plain);
        expect(formatTaskLine('1/1', given)).toBe(formatTaskLine('1/1', plain));
      }),
    );
  });

  it('leaves undefined fields out, as JSON does', () => {
    const record = { ...aFailedRecord(), deploy: undefined, fileId: undefined } as unknown as TaskRecord;
    expect(formatTaskLine('1/1', record)).toBe(formatTaskLine('1/1', aFailedRecord()));
  });

  it('keeps a field named __proto__ as a plain field', () => {
    const record = JSON.parse(`{"file":"jobs/a.yaml","applied":null,"__proto__":{"x":1}}`) as TaskRecord;
    expect(formatTaskLine('1/1', record)).toContain('"__proto__":{"x":1}');
    expect(Object.keys(lineRecord(record))).toContain('__proto__');
  });

  it('writes a record\'s own `key` field once in a state line: the line\'s key', () => {
    const record = { ...aFailedRecord(), key: 'other' } as unknown as TaskRecord;
    expect(JSON.parse(formatTaskLine('1/1', record))).toMatchObject({ key: '1/1' });
    expect(formatTaskLine('1/1', record).match(/"key"/g)).toHaveLength(1);
  });
});

// Records of every shape the state holds, with unknown fields (names that are not array indexes,
// which JSON objects would order first) and values of every JSON kind.
const text = fc.string({ maxLength: 12 });
const unknownName = fc.string({ minLength: 1, maxLength: 8 }).filter((name) => !/^\d+$/.test(name) && !['file', 'fileId', 'nodeId', 'applied', 'lastAttempt', 'deploy', 'key'].includes(name));
const extra = fc.dictionary(unknownName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });
const anyRecord = fc
  .record(
    {
      file: text,
      fileId: fc.integer({ min: 1 }),
      nodeId: fc.stringMatching(/^[1-9]\d{0,18}$/),
      applied: fc.option(
        fc.record(
          {
            taskContent: fc.jsonValue({ maxDepth: 3 }),
            taskParam: fc.jsonValue({ maxDepth: 2 }),
            taskContentHash: text,
            taskParamHash: text,
            schedule: fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
            scheduleHash: text,
            appliedAt: text,
            commit: fc.option(text),
            requestId: text,
          },
          { requiredKeys: ['taskContent', 'taskParam', 'taskContentHash', 'taskParamHash', 'appliedAt', 'commit', 'requestId'] },
        ),
      ),
      lastAttempt: fc.option(
        fc.record(
          {
            at: text,
            outcome: fc.constantFrom('applied', 'failed', 'skipped'),
            attempts: fc.nat(),
            requestId: text,
            reason: text,
            error: fc.record({ code: text, message: text, status: fc.integer() }, { requiredKeys: ['code', 'message'] }),
          },
          { requiredKeys: ['at', 'outcome', 'attempts'] },
        ),
      ),
      deploy: fc.option(fc.record({ stage: fc.constantFrom('submitting', 'deployed', 'failed'), at: text, submitDeploymentId: fc.nat() }, { requiredKeys: ['stage', 'at'] })),
    },
    { requiredKeys: ['file', 'applied', 'lastAttempt'] },
  )
  .chain((record) => extra.map((fields) => ({ ...fields, ...record }) as unknown as TaskRecord))
  .chain((record) => fc.shuffledSubarray(Object.keys(record), { minLength: Object.keys(record).length }).map((keys) => Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]])) as unknown as TaskRecord));

function withLazyConfigs(record: TaskRecord): TaskRecord {
  const applied = { ...record.applied! };
  defineLazyJson(applied, 'taskContent', JSON.stringify(applied.taskContent));
  defineLazyJson(applied, 'taskParam', JSON.stringify(applied.taskParam));
  return { ...record, applied };
}

describe('configs kept as JSON text', () => {
  const lazy = appliedRecord({ file: 'jobs/a.yaml', record: null, at: '2026-12-01T00:00:00.000Z', attempts: 1, desired: desiredConfig(buildTask(), SALT), commit: null, requestId: 'req-1' });
  const plain = JSON.parse(JSON.stringify(lazy)) as TaskRecord;

  it('are written as their text, the same bytes as the parsed configs give, and never parsed', () => {
    expect(lazyJsonText(lazy.applied!, 'taskContent')).toBeDefined();
    expect(formatTaskLine('1/1', lazy)).toBe(formatTaskLine('1/1', plain));
    expect(formatTaskLine('1/1', lazy)).toBe(JSON.stringify({ key: '1/1', file: plain.file, applied: plain.applied, lastAttempt: { outcome: 'applied', attempts: 1 } }));
    expect(lazyJsonText(lazy.applied!, 'taskParam')).toBeDefined(); // writing did not replace the text
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

describe('formatRemovalLine', () => {
  it('names the key whose record is removed, and nothing else', () => {
    expect(formatRemovalLine('1/1')).toBe('{"remove":"1/1"}');
    expect(formatRemovalLine('1/dw/"q"')).toBe('{"remove":"1/dw/\\"q\\""}');
  });
});

describe('formatTaskLine, the field order', () => {
  it('writes a record in the file order', () => {
    const written = JSON.parse(formatTaskLine('1/1', anAppliedRecord())) as Record<string, unknown>;
    expect(Object.keys(written)).toEqual(['key', 'file', 'applied', 'lastAttempt']);
    expect(Object.keys(written['applied'] as object)).toEqual(['taskContent', 'taskParam', 'taskContentHash', 'taskParamHash', 'appliedAt', 'commit', 'requestId']);
  });
});

describe('formatState with lines already formatted', () => {
  it('writes a known line as it is and formats the others', () => {
    const state = aState({ '1/1': anAppliedRecord(), '1/2': aFailedRecord() });
    const known = (key: string) => (key === '1/2' ? '{"key":"1/2","stand-in":true}' : undefined);
    const lines = formatState(state, known).split('\n');
    expect(lines[1]).toBe(formatTaskLine('1/1', anAppliedRecord()));
    expect(lines[2]).toBe('{"key":"1/2","stand-in":true}');
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

  it('writes an applied config without a taskParam (a damaged record) as valid JSON, its one config as recorded', () => {
    const record = anAppliedRecord();
    const { taskParam: _taskParam, ...rest } = record.applied!;
    const applied = { ...rest } as Record<string, unknown>;
    defineLazyJson(applied, 'taskContent', '{ "type": "job" }');
    const line = formatTaskLine('1/1', { ...record, applied } as unknown as TaskRecord);
    expect(JSON.parse(line)).toMatchObject({ applied: { taskContent: { type: 'job' }, appliedAt: record.applied!.appliedAt } });
    expect(line).toContain('"taskContent":{ "type": "job" },"taskContentHash"');
  });
});

describe('a record\'s unknown fields', () => {
  it('puts unknown fields after every known one, not among them', () => {
    const record = { zeta: 1, deploy: null, file: 'jobs/a.yaml', applied: null, lastAttempt: null } as unknown as TaskRecord;
    expect(Object.keys(lineRecord(record))).toEqual(['file', 'applied', 'lastAttempt', 'deploy', 'zeta']);
  });
});
