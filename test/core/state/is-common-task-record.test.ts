import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonTaskRecord } from '../../../src/core/state/is-common-task-record.js';
import { TaskRecord } from '../../../src/core/state/state-schema.js';

const applied = {
  taskContent: { steps: [] },
  taskParam: { Cu: 2 },
  taskContentHash: 'sha256:a',
  taskParamHash: 'sha256:b',
  appliedAt: '2026-01-01T00:00:00.000Z',
  commit: null,
  requestId: 'R-1',
};
const written = { file: 'jobs/a.yaml', applied, lastAttempt: { at: '2026-01-01T00:00:00.000Z', outcome: 'applied', attempts: 1, requestId: 'R-1' } };

describe('isCommonTaskRecord', () => {
  it('takes the records dwsync writes: applied or not, by fileId or nodeId, with a schedule and unknown fields', () => {
    expect(isCommonTaskRecord(written)).toBe(true);
    expect(isCommonTaskRecord({ file: 'jobs/a.yaml', fileId: 7, applied: null, lastAttempt: null })).toBe(true);
    expect(isCommonTaskRecord({ ...written, nodeId: '7000123456789012345', deploy: null, later: [1] })).toBe(true);
    expect(isCommonTaskRecord({ ...written, applied: { ...applied, schedule: { cron: '0 0 * * *' }, scheduleHash: 'sha256:c' } })).toBe(true);
    // Every outcome an attempt can have, a first attempt not yet made, with or without a request id or a reason.
    for (const outcome of ['applied', 'failed', 'skipped']) expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, outcome } })).toBe(true);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { at: 'x', outcome: 'skipped', attempts: 0, reason: 'interrupted' } })).toBe(true);
  });

  it('leaves to the schema what it does not know by heart, and what is wrong', () => {
    expect(isCommonTaskRecord({ ...written, deploy: { stage: 'deployed', at: 'x' } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { at: 'x', outcome: 'failed', attempts: 1, error: { code: 'C', message: 'm' } } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, file: 3 })).toBe(false);
    expect(isCommonTaskRecord({ ...written, fileId: 0 })).toBe(false);
    expect(isCommonTaskRecord({ ...written, nodeId: '012' })).toBe(false);
    expect(isCommonTaskRecord({ ...written, applied: { ...applied, commit: undefined } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, applied: { ...applied, taskContent: undefined } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, applied: [] })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, outcome: 'done' } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, attempts: -1 } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: undefined })).toBe(false);
    // Wrong types the schema refuses, each alone.
    expect(isCommonTaskRecord({ ...written, fileId: '7' })).toBe(false);
    expect(isCommonTaskRecord({ ...written, nodeId: 7000123456789012345n })).toBe(false);
    expect(isCommonTaskRecord({ ...written, nodeId: '7000x' })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, attempts: '1' } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, requestId: 5 } })).toBe(false);
    expect(isCommonTaskRecord({ ...written, lastAttempt: { ...written.lastAttempt, reason: 5 } })).toBe(false);
  });

  it('never takes a record the schema refuses', () => {
    // Each field is of its right type, of a wrong one, or missing: most records are refused by both,
    // many are taken by both, and a taken one must always pass the schema.
    const wrong = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -2, max: 2 }), fc.double(), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant({}));
    const maybe = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: wrong });
    const text = fc.string({ maxLength: 6 });
    const appliedArb = fc.record(
      {
        taskContent: maybe(fc.jsonValue({ maxDepth: 2 })),
        taskParam: maybe(fc.jsonValue({ maxDepth: 1 })),
        taskContentHash: maybe(text),
        taskParamHash: maybe(text),
        schedule: maybe(fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
        scheduleHash: maybe(text),
        appliedAt: maybe(text),
        commit: maybe(fc.option(text)),
        requestId: maybe(text),
      },
      { requiredKeys: ['taskContent', 'taskParam', 'taskContentHash', 'taskParamHash', 'appliedAt', 'commit', 'requestId'] },
    );
    const attemptArb = fc.record(
      {
        at: maybe(text),
        outcome: maybe(fc.constantFrom('applied', 'failed', 'skipped')),
        attempts: maybe(fc.nat()),
        requestId: maybe(text),
        reason: maybe(text),
        error: maybe(fc.record({ code: text, message: text })),
      },
      { requiredKeys: ['at', 'outcome', 'attempts'] },
    );
    const recordArb = fc.record(
      {
        file: maybe(text),
        fileId: maybe(fc.integer({ min: 1 })),
        nodeId: maybe(fc.stringMatching(/^[1-9]\d{0,5}$/)),
        applied: maybe(fc.option(appliedArb)),
        lastAttempt: maybe(fc.option(attemptArb)),
        deploy: maybe(fc.option(fc.record({ stage: fc.constantFrom('deployed', 'failed'), at: text }))),
      },
      { requiredKeys: ['file', 'applied', 'lastAttempt'] },
    );
    let taken = 0;
    fc.assert(
      fc.property(recordArb, (record) => {
        if (!isCommonTaskRecord(record)) return;
        taken++;
        expect(TaskRecord.safeParse(record).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(50);
  });
});
