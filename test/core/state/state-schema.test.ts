import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createState, DeployRecord, isTaskKey, LastAttempt, State, StateHeader, STATE_FORMAT_VERSION, TaskKey, TaskRecord } from '../../../src/core/state/state-schema.js';
import { aFailedRecord, anAppliedRecord, aState, LINEAGE, SALT } from '../../support/state-builders.js';

function refusals(schema: z.ZodType, value: unknown): [string, string][] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('TaskKey, and isTaskKey without zod', () => {
  it('accepts "projectId/fileId" and "projectId/folder/name"', () => {
    for (const key of ['10000/1000001', '1/2', '10000/Business Flow/ods/u_pk', '10000/a/b', '7/a b/c.d']) {
      expect(TaskKey.safeParse(key).success).toBe(true);
      expect(isTaskKey(key)).toBe(true);
    }
  });

  it('refuses keys with a zero or leading-zero id, one segment, empty segments or a newline', () => {
    for (const key of ['0/1', '01/1', '1/01', '1/0', '10000', '10000/', '10000/a', '10000//b', '10000/a/', '10000/a\n/b', 'x/1']) {
      expect(refusals(TaskKey, key)).toEqual([['', 'expected a key "projectId/fileId" or "projectId/folder/name"']]);
      expect(isTaskKey(key)).toBe(false);
    }
  });
});

describe('State', () => {
  it('accepts the states the builders make, format 1 and 2', () => {
    const state = aState({ '10000/1': anAppliedRecord(), '10000/a/b': aFailedRecord() }, 3);
    expect(refusals(State, state)).toEqual([]);
    expect(refusals(State, { ...state, formatVersion: 1 })).toEqual([]);
  });

  it('refuses other format versions, a negative serial, an empty lineage and a salt that is not lowercase hex', () => {
    const problems = refusals(State, { ...aState(), formatVersion: 3, serial: -1, lineage: '', salt: 'AB' });
    expect(problems.map(([path]) => path)).toEqual(['formatVersion', 'serial', 'lineage', 'salt']);
    expect(problems[3]).toEqual(['salt', 'expected lowercase hex']);
  });

  it("refuses a record under a malformed key, with the key's own message inside zod's", () => {
    const result = State.safeParse(aState({ '10000/a': anAppliedRecord() }));
    expect(result.error?.issues).toMatchObject([
      { code: 'invalid_key', path: ['tasks', '10000/a'], issues: [{ message: 'expected a key "projectId/fileId" or "projectId/folder/name"' }] },
    ]);
  });

  it('keeps no defaults or transforms: what it parses is what it was given, minus unknown keys', () => {
    const state = aState({ '10000/1': anAppliedRecord() });
    expect(State.parse(state)).toEqual(state);
    expect(State.parse({ ...state, future: true })).toEqual(state);
  });
});

describe('TaskRecord', () => {
  it('accepts a record never applied, with an optional learned fileId and deploy', () => {
    expect(refusals(TaskRecord, { file: 'jobs/a.yaml', applied: null, lastAttempt: null })).toEqual([]);
    expect(refusals(TaskRecord, { ...aFailedRecord(), fileId: 5, deploy: null })).toEqual([]);
  });

  it('requires applied and lastAttempt to be given, even as null', () => {
    expect(refusals(TaskRecord, { file: 'jobs/a.yaml' }).map(([path]) => path)).toEqual(['applied', 'lastAttempt']);
  });

  it('refuses a learned fileId that is not a positive integer', () => {
    expect(refusals(TaskRecord, { ...aFailedRecord(), fileId: 0 }).map(([path]) => path)).toEqual(['fileId']);
  });

  it('refuses an applied config without its content (undefined is not a JSON value)', () => {
    const record = anAppliedRecord();
    const { taskContent: _, ...applied } = record.applied!;
    expect(refusals(TaskRecord, { ...record, applied })).toEqual([['applied.taskContent', 'expected a JSON value']]);
  });
});

describe('LastAttempt and DeployRecord', () => {
  it('take only the known outcomes and stages', () => {
    expect(refusals(LastAttempt, { at: 't', outcome: 'created', attempts: 1 }).map(([path]) => path)).toEqual(['outcome']);
    expect(refusals(LastAttempt, { at: 't', outcome: 'skipped', attempts: 0, reason: 'drift' })).toEqual([]);
    expect(refusals(LastAttempt, { at: 't', outcome: 'applied', attempts: -1 }).map(([path]) => path)).toEqual(['attempts']);
    expect(refusals(DeployRecord, { stage: 'deployed', at: 't', deployDeploymentId: 3 })).toEqual([]);
    expect(refusals(DeployRecord, { stage: 'done', at: 't' }).map(([path]) => path)).toEqual(['stage']);
  });
});

describe('StateHeader', () => {
  it('is the state without its tasks, in format 2 only', () => {
    const { tasks: _, ...header } = aState();
    expect(StateHeader.parse({ ...header, tasks: { x: 1 } })).toEqual(header);
    expect(refusals(StateHeader, { ...header, formatVersion: 1 }).map(([path]) => path)).toEqual(['formatVersion']);
  });
});

describe('createState', () => {
  it('starts a format 2 state at serial 0 with no tasks', () => {
    expect(createState({ lineage: LINEAGE, salt: SALT })).toEqual({ formatVersion: STATE_FORMAT_VERSION, serial: 0, lineage: LINEAGE, salt: SALT, tasks: {} });
    expect(STATE_FORMAT_VERSION).toBe(2);
  });
});
